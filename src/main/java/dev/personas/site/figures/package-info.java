/** The site's input contract: figures the data stages computed, which the pages only format. */
package dev.personas.site.figures;
