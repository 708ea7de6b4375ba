/** The synthetic sample dataset: its generator (with planted types and personas) and the bundled copy. */
package dev.personas.sample;
