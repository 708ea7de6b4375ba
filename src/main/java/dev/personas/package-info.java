/** personas: coding-agent session logs in, a research microsite out. */
package dev.personas;
