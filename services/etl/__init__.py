"""ETL: carries the collector's data from PostgreSQL into Elasticsearch, incrementally."""
