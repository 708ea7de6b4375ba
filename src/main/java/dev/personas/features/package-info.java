/** Per-session features: the numbers the classifier and the pages use, each documented. */
package dev.personas.features;
