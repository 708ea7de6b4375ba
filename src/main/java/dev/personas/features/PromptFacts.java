package dev.personas.features;

import java.util.Objects;
import java.util.Set;

/**
 * What the per-prompt features need to know about one typed prompt, see {@link PromptSignals}.
 *
 * @param errorSignature normalised error lines, empty when the prompt carries none
 * @param pastedOutput it carries pasted errors, logs or output
 * @param vagueFixRequest it is a short ask for a fix without a specific pointer
 * @param specificPointer it names a path, line, or identifier
 * @param question it asks a question
 * @param goOn it moves the agent along and asks nothing new ("yes", "A", "continue")
 * @param citesConventionFile it names CLAUDE.md, AGENTS.md or another convention file
 * @param shingles sorted hashes of its word pairs, for near-duplicate detection
 */
record PromptFacts(Set<String> errorSignature, boolean pastedOutput, boolean vagueFixRequest,
    boolean specificPointer, boolean question, boolean goOn, boolean citesConventionFile, long[] shingles) {

  PromptFacts {
    errorSignature = Set.copyOf(errorSignature);
    Objects.requireNonNull(shingles, "shingles");
  }
}
