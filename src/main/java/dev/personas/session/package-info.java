/** The domain model every stage shares: a session read from a log and the events it is made of. */
package dev.personas.session;
