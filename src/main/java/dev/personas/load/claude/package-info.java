/** The reader of Claude Code session logs ({@code ~/.claude/projects}). */
package dev.personas.load.claude;
