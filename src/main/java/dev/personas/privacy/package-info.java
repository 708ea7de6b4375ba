/** Keeping a person's logs private: secret redaction for anything a page shows from a log. */
package dev.personas.privacy;
