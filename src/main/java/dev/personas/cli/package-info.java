/** The `personas` command line: a thin picocli shell over the pipeline stages. */
package dev.personas.cli;
