/** The reader of Codex CLI rollout logs ({@code ~/.codex/sessions}). */
package dev.personas.load.codex;
