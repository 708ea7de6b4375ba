/** `personas serve`: a local preview server that rebuilds the site on change and reloads open pages. */
package dev.personas.serve;
