/** The site engine: reads Markdown content, renders every page type through Pebble, writes the site atomically. */
package dev.personas.site;
