"""Extensions: crawl-run records and a progress display."""
