"""The workers of the asynchronous jobs (`fuelstats worker run`): exports and heavy reports (docs/jobs.md)."""
