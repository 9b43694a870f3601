"""Telling the support team about failure reports: the outbox, its channels and its dispatcher.

A report's notifications are rows of ``failure_notifications``, written in the transaction that
stores the report (failure_reports.py). Delivering one is: lock the row (``FOR UPDATE SKIP
LOCKED``, so no two dispatchers send it at once), send, and in the same transaction mark it
delivered, or count the attempt, keep the error and set when to try again (exponential backoff).
A channel that is down therefore delays a notification and never loses it, and a row that is
delivered is never sent again. The one way a notification can go out twice is a crash (or lost
database) between the send and the commit; both channels carry a stable id (Message-ID,
Idempotency-Key) so the receiving end can tell.

Each collector worker runs a Dispatcher thread: the request that stored a report wakes it, so the
first attempt happens within moments, and it looks again every FUELSTATS_NOTIFY_INTERVAL seconds
for notifications due for a retry. ``fuelstats collector notify`` runs the same passes by hand.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import smtplib
import ssl
import threading
from collections.abc import Mapping
from dataclasses import dataclass, field
from email.message import EmailMessage
from email.utils import formatdate
from typing import Any, Protocol

import httpx
import structlog
from sqlalchemy import Engine

from fuelstats.collector import metrics, storage
from fuelstats.collector.settings import CollectorSettings
from fuelstats.collector.storage import DueNotification

log = structlog.get_logger("fuelstats.notifications")

EMAIL = "email"
WEBHOOK = "webhook"


class DeliveryFailed(Exception):
    """The channel did not take the notification; it is tried again later."""


class Channel(Protocol):
    name: str

    def send(self, notification: DueNotification) -> str | None:
        """Deliver or raise DeliveryFailed; may return a remark worth keeping (e.g. refused recipients)."""


# --- what the support team reads -----------------------------------------------------------------

def report_document(notification: DueNotification) -> dict[str, Any]:
    """The report as one JSON document: the webhook's body and the e-mail's attachment."""
    return {
        "event": "deployment_failed",
        "report_id": notification.report_id,
        "master_node_uid": notification.master_node_uid,
        "received_at": notification.received_at.isoformat(),
        "release": notification.release,
        "cluster_id": notification.cluster_id,
        "contact": notification.contact,
        # False: no enrolled master key signed it, anyone may have sent it (docs/security.md).
        "verified": notification.verified,
        **notification.report,
    }


def _indented(text: str) -> str:
    return "\n".join(f"    {line}" for line in (text.strip() or "(empty)").splitlines())


def email_text(notification: DueNotification) -> str:
    contact = notification.contact
    task = notification.report.get("task", {})
    lines = [
        "A deployment failed on a Fuel master node, and its customer asks to be contacted.",
        "",
        *([] if notification.verified else [
            "UNVERIFIED: no enrolled master key signed this report; anyone may have sent it in this master",
            "node's name. Check with the customer before acting on it.", ""]),
        "Contact",
        f"    Name:     {contact.get('name', '')}",
        f"    E-mail:   {contact.get('email', '')}",
        f"    Company:  {contact.get('company') or '-'}",
        f"    Phone:    {contact.get('phone') or '-'}",
        "",
        "Failure",
        f"    Master node:   {notification.master_node_uid}",
        f"    Fuel release:  {notification.release}",
        f"    Environment:   {notification.cluster_id if notification.cluster_id is not None else '-'}",
        f"    Task:          {notification.task_name} ({notification.task_uuid})",
        f"    Started:       {task.get('start_timestamp') or '-'}",
        f"    Ended:         {task.get('end_timestamp') or '-'}",
        f"    Received:      {notification.received_at.isoformat()}",
        f"    Report id:     {notification.report_id}",
        "",
        "Error message",
        _indented(notification.error_message),
        "",
        "Task output",
        _indented(task.get("output") or ""),
        "",
        "The whole report (sanitized: no credentials) is attached as JSON.",
    ]
    return "\n".join(lines) + "\n"


def _one_line(text: str) -> str:
    # What a master node sends may hold line breaks; in a header they would end it (or be refused).
    return " ".join(text.split())


def email_message(notification: DueNotification, sender: str, recipients: tuple[str, ...]) -> EmailMessage:
    message = EmailMessage()
    environment = f" environment {notification.cluster_id}" if notification.cluster_id is not None else ""
    unverified = "" if notification.verified else "UNVERIFIED "
    message["Subject"] = _one_line(f"[fuel-stats] {unverified}Deployment failed: {notification.task_name} on{environment}"
                                   f" of {notification.master_node_uid} (Fuel {notification.release})")
    message["From"] = sender
    message["To"] = ", ".join(recipients)
    message["Reply-To"] = notification.contact["email"]
    message["Date"] = formatdate(localtime=False)
    # The same on every attempt: a copy that went out twice (see the module's docstring) is one mail.
    message["Message-ID"] = f"<failure-report-{notification.report_id}@fuel-stats>"
    message.set_content(email_text(notification))
    message.add_attachment(json.dumps(report_document(notification), indent=2).encode(), maintype="application",
                           subtype="json", filename=f"failure-report-{notification.report_id}.json")
    return message


# --- channels ------------------------------------------------------------------------------------

@dataclass(frozen=True)
class EmailChannel:
    host: str
    port: int
    tls: str
    user: str | None
    password: str | None = field(repr=False)
    sender: str
    recipients: tuple[str, ...]
    timeout: float
    ca_file: str | None = None  # None: the system's authorities
    name: str = EMAIL

    def _tls_context(self) -> ssl.SSLContext:
        # Certificates are always verified, host name included: an SMTP server we cannot trust
        # would read the customers' contacts.
        return ssl.create_default_context(cafile=self.ca_file)

    def _connect(self) -> smtplib.SMTP:
        if self.tls == "ssl":
            return smtplib.SMTP_SSL(self.host, self.port, timeout=self.timeout, context=self._tls_context())
        return smtplib.SMTP(self.host, self.port, timeout=self.timeout)

    def send(self, notification: DueNotification) -> str | None:
        message = email_message(notification, self.sender, self.recipients)
        try:
            with self._connect() as smtp:
                if self.tls == "starttls":
                    smtp.starttls(context=self._tls_context())
                if self.user is not None and self.password is not None:
                    smtp.login(self.user, self.password)
                refused = smtp.send_message(message, from_addr=self.sender, to_addrs=list(self.recipients))
        except (OSError, smtplib.SMTPException) as error:
            raise DeliveryFailed(f"SMTP {self.host}:{self.port}: {type(error).__name__}: {error}") from error
        # Some recipients got it: sending again would give them a second copy, so it counts as delivered.
        return f"refused by SMTP: {', '.join(sorted(refused))}" if refused else None


@dataclass(frozen=True)
class WebhookChannel:
    url: str = field(repr=False)  # it may hold a token
    secret: str | None = field(repr=False)
    timeout: float
    name: str = WEBHOOK

    def send(self, notification: DueNotification) -> str | None:
        body = json.dumps(report_document(notification)).encode()
        headers = {"Content-Type": "application/json", "Idempotency-Key": f"failure-report-{notification.report_id}"}
        if self.secret is not None:
            digest = hmac.new(self.secret.encode(), body, hashlib.sha256).hexdigest()
            headers["X-Fuelstats-Signature"] = f"sha256={digest}"
        try:
            response = httpx.post(self.url, content=body, headers=headers, timeout=self.timeout)
        except httpx.HTTPError as error:
            # The URL may hold a token, and the error is stored and logged: never repeat the URL.
            reason = str(error).replace(self.url, "<webhook URL>")
            raise DeliveryFailed(f"webhook: {type(error).__name__}: {reason}") from error
        if not response.is_success:
            raise DeliveryFailed(f"webhook answered {response.status_code}: {response.text[:200]}")
        return None


def enqueued_channels(settings: CollectorSettings) -> tuple[str, ...]:
    """The notifications a new report gets: always an e-mail (it waits while SMTP is not configured),
    and a webhook call when one is configured."""
    return (EMAIL, WEBHOOK) if settings.webhook_url else (EMAIL,)


def configured_channels(settings: CollectorSettings) -> dict[str, Channel]:
    """The channels this process can deliver on."""
    channels: dict[str, Channel] = {}
    if settings.smtp_host:
        channels[EMAIL] = EmailChannel(
            host=settings.smtp_host, port=settings.smtp_port, tls=settings.smtp_tls, user=settings.smtp_user,
            password=settings.smtp_password.get_secret_value() if settings.smtp_password else None,
            sender=settings.smtp_sender, recipients=settings.smtp_recipient_addresses,
            timeout=settings.notify_timeout,
            ca_file=str(settings.smtp_ca_file) if settings.smtp_ca_file else None,
        )
    if settings.webhook_url:
        channels[WEBHOOK] = WebhookChannel(
            url=settings.webhook_url,
            secret=settings.webhook_secret.get_secret_value() if settings.webhook_secret else None,
            timeout=settings.notify_timeout,
        )
    return channels


# --- delivery ------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Backoff:
    first: float
    longest: float

    def after(self, attempts_made: int) -> float:
        """Seconds to wait after the ``attempts_made``-th failed attempt (1 for the first)."""
        return min(self.first * 2 ** min(attempts_made - 1, 32), self.longest)


@dataclass
class PassResult:
    delivered: int = 0
    failed: int = 0


def deliver_due(
    engine: Engine, channels: Mapping[str, Channel], backoff: Backoff, stop: threading.Event | None = None
) -> PassResult:
    """Try each notification that is due now on a configured channel once; tell how it went."""
    result = PassResult()
    passed: list[int] = []
    while channels and not (stop and stop.is_set()):
        # One row per transaction: the lock is held while sending, and released by the commit that records it.
        with engine.begin() as connection:
            notification = storage.claim_due_notification(connection, list(channels), passed)
            if notification is None:
                break
            passed.append(notification.id)
            attempt = notification.attempts + 1
            try:
                remark = channels[notification.channel].send(notification)
            except Exception as error:
                # Anything else is a bug of ours, but it too must back off: retried at once, this row
                # would be claimed first by every pass and hold back the rows behind it.
                reason = str(error) if isinstance(error, DeliveryFailed) else f"{type(error).__name__}: {error}"
                delay = backoff.after(attempt)
                storage.mark_notification_failed(connection, notification.id, reason[:2000], delay)
                result.failed += 1
                metrics.NOTIFICATIONS_FAILED.labels(notification.channel).inc()
                log.warning("notification failed", channel=notification.channel, report_id=notification.report_id,
                            attempt=attempt, retry_in_seconds=delay, error=reason[:500],
                            exc_info=not isinstance(error, DeliveryFailed))
                continue
            storage.mark_notification_delivered(connection, notification.id, remark)
            result.delivered += 1
            metrics.NOTIFICATIONS_SENT.labels(notification.channel).inc()
            log.info("notification delivered", channel=notification.channel, report_id=notification.report_id,
                     attempt=attempt, **({"remark": remark} if remark else {}))
    with engine.connect() as connection:
        metrics.outbox_seen((EMAIL, WEBHOOK), storage.outbox_counts(connection))
    return result


class Dispatcher:
    """A thread delivering due notifications: at once when woken, and every ``interval`` seconds."""

    def __init__(self, engine: Engine, channels: Mapping[str, Channel], backoff: Backoff, interval: float) -> None:
        self.engine = engine
        self.channels = dict(channels)
        self.backoff = backoff
        self.interval = interval
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="failure-notifications", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def wake(self) -> None:
        self._wake.set()

    def stop(self, timeout: float) -> None:
        self._stop.set()
        self._wake.set()
        self._thread.join(timeout)

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                deliver_due(self.engine, self.channels, self.backoff, self._stop)
            except Exception as error:  # the database is down, say: the next pass tries again
                log.error("notification pass failed", error=f"{type(error).__name__}: {str(error).splitlines()[0]}")
            self._wake.wait(self.interval)
            self._wake.clear()


_running: Dispatcher | None = None


def start_dispatcher(engine: Engine, settings: CollectorSettings) -> Dispatcher | None:
    """Start this process's dispatcher; None when no channel is configured (nothing could be delivered)."""
    global _running
    channels = configured_channels(settings)
    if not channels:
        return None
    dispatcher = Dispatcher(engine, channels, Backoff(settings.notify_backoff, settings.notify_backoff_max),
                            settings.notify_interval)
    dispatcher.start()
    _running = dispatcher
    return dispatcher


def stop_dispatcher(dispatcher: Dispatcher | None, timeout: float) -> None:
    global _running
    if dispatcher is None:
        return
    dispatcher.stop(timeout)
    if _running is dispatcher:
        _running = None


def wake_dispatcher() -> None:
    """Deliver what was just stored, now rather than at the next interval."""
    if _running is not None:
        _running.wake()
