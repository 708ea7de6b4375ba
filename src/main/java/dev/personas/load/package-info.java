/** Readers of session logs and datasets: Claude Code, Codex CLI and SWE-chat. */
package dev.personas.load;
