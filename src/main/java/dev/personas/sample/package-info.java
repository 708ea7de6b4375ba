/** The synthetic sample dataset in the image of SWE-chat v2: its generator (with planted types and personas) and the cached bundled copy. */
package dev.personas.sample;
