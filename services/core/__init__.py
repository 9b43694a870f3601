"""What every fuel-stats service stands on: settings, the HTTP layer, PostgreSQL, Elasticsearch, logs, gunicorn.

The services (`fuelstats.collector`, `fuelstats.etl`, `fuelstats.analytics`) import from here and
never from one another's shared parts; nothing here imports a service.
"""
