"""The collector's settings: every variable `fuelstats collector ...` and its workers read, here only."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr, ValidationInfo, field_validator

from fuelstats import resources
from fuelstats.core.settings import DatabaseSettings, HealthSettings, MetricsBind, ServiceSettings
from fuelstats_common.settings import settings_of


class CollectorSettings(DatabaseSettings, ServiceSettings, HealthSettings):
    # Metrics (docs/operations.md): the collector's, and the notification dispatcher's when it runs alone.
    collector_metrics_bind: MetricsBind = Field(
        default="127.0.0.1:9481", description="HOST:PORT where `fuelstats collector serve` serves its metrics, or off."
    )
    notify_metrics_bind: MetricsBind = Field(
        default="127.0.0.1:9484", description="HOST:PORT where `fuelstats collector notify --follow` serves its metrics,"
        " or off.",
    )
    filtering_rules: Path = Field(
        default_factory=resources.filtering_rules,
        description="YAML file of the rules that mark development and test builds as filtered; unset: those shipped.",
    )
    # Failure reports (docs/failure-reports.md): who the support team is and how it hears of them.
    smtp_host: str | None = Field(
        default=None, description="SMTP server the collector e-mails failure reports through; unset: e-mails wait."
    )
    smtp_port: int = Field(default=25, gt=0, le=65535, description="Port of the SMTP server.")
    smtp_tls: Literal["off", "starttls", "ssl"] = Field(
        default="off", description="off, starttls (upgrade the connection) or ssl (TLS from the start, e.g. port 465)."
    )
    smtp_ca_file: Path | None = Field(
        default=None, description="PEM file of the authorities whose SMTP server certificates are trusted; unset: the"
        " system's.",
    )
    smtp_user: str | None = Field(default=None, description="User name for SMTP AUTH; unset: no login.")
    smtp_password: SecretStr | None = Field(
        default=None, validate_default=True, description="Password for SMTP AUTH, with FUELSTATS_SMTP_USER."
    )
    smtp_sender: str = Field(
        default="fuel-stats@localhost", pattern=r"^[^@\s]+@[^@\s]+$", description="From address of the e-mails."
    )
    smtp_recipients: str = Field(
        default="", validate_default=True,
        description="Comma-separated addresses of the support team; required with FUELSTATS_SMTP_HOST.",
    )
    webhook_url: str | None = Field(
        default=None, description="http(s) URL that gets each failure report as JSON (POST); unset: no webhook."
    )
    webhook_secret: SecretStr | None = Field(
        default=None, description="Key of the HMAC-SHA256 signature in the webhook's X-Fuelstats-Signature header."
    )
    notify_interval: float = Field(
        default=30.0, gt=0, description="Seconds between a collector worker's looks for notifications due again."
    )
    notify_backoff: float = Field(
        default=30.0, gt=0, description="Seconds before the first retry of a failed notification; doubles each time."
    )
    notify_backoff_max: float = Field(default=3600.0, gt=0, description="Longest wait between retries, in seconds.")
    notify_timeout: float = Field(default=10.0, gt=0, description="Seconds one e-mail or webhook delivery may take.")
    # Protection from spoofing (docs/security.md).
    signature_skew: float = Field(
        default=300.0, gt=0, le=86400, description="Seconds a signature's created time may be off the collector's"
        " clock, either way; older or newer is refused (a replay of a captured request is refused within it).",
    )
    notify_unverified_failure_reports: bool = Field(
        default=False, description="Notify support of failure reports no master key signed too (marked unverified)."
    )
    quarantine_samples: int = Field(
        default=1000, ge=0, le=1_000_000, description="Refused submissions the quarantine keeps, the latest; 0: none"
        " (the counts are kept anyway).",
    )
    quarantine_body_bytes: int = Field(
        default=4096, ge=0, le=1_048_576, description="Bytes of a refused submission's body the quarantine keeps."
    )

    @field_validator("smtp_password")
    @classmethod
    def _credentials_come_in_pairs(cls, value: SecretStr | None, info: ValidationInfo) -> SecretStr | None:
        if (info.data.get("smtp_user") is None) != (value is None):
            raise ValueError("FUELSTATS_SMTP_USER and FUELSTATS_SMTP_PASSWORD are set together or not at all")
        return value

    @field_validator("smtp_recipients")
    @classmethod
    def _recipients_are_addresses(cls, value: str, info: ValidationInfo) -> str:
        addresses = [part.strip() for part in value.split(",") if part.strip()]
        for address in addresses:
            if address.count("@") != 1 or any(character.isspace() for character in address):
                raise ValueError(f"{address!r} is not an e-mail address")
        if info.data.get("smtp_host") and not addresses:
            raise ValueError("required when FUELSTATS_SMTP_HOST is set: whom to e-mail")
        return value

    @field_validator("webhook_url")
    @classmethod
    def _webhook_is_http(cls, value: str | None) -> str | None:
        if value is not None and not value.startswith(("http://", "https://")):
            raise ValueError("must be an http:// or https:// URL")
        return value

    @property
    def smtp_recipient_addresses(self) -> tuple[str, ...]:
        return tuple(part.strip() for part in self.smtp_recipients.split(",") if part.strip())


def get_settings() -> CollectorSettings:
    """The collector process's settings, read once."""
    return settings_of(CollectorSettings)
