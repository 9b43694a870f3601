"""Analytics: the reports, public search and private exports of fuel-stats."""
