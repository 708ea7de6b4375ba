/** Reader of the SWE-chat dataset as published: its tables (Parquet, JSONL or CSV) and transcripts. */
package dev.personas.load.swechat;
