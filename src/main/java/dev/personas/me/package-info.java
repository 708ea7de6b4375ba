/** A person's own results: find their logs, classify them against the population, export them. */
package dev.personas.me;
