/** Session types and personas: the vocabulary, the fitted model, and its validation. */
package dev.personas.classify;
