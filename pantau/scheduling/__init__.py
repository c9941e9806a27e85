"""Scheduled operation: database locks per job, recorded runs, and the `pantau schedule` daemon."""
