/** The study: a dataset read, featurized, classified and validated, ready for the site. */
package dev.personas.study;
