"""Print jobs: record, dispatch to the device's backend, list, reprint."""
from __future__ import annotations

import logging

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from kiosk.audit.service import record
from kiosk.dbtypes import utcnow
from kiosk.extensions import db
from kiosk.hall.models import Device
from kiosk.printing import backends, documents, limits
from kiosk.printing.models import PrinterKind, PrintJob, PrintStatus

LOGGER = logging.getLogger(__name__)

#: Names of the documents other features print, for the staff console.
DOCUMENT_KINDS = {
    "ticket": _l("Queue ticket"),
    "bill_statement": _l("Bill statement"),
    "tariff_sheet": _l("Tariff table"),
    "fee_schedule": _l("Fee schedule"),
    "form_sample": _l("Form sample"),
    "notification_letter": _l("Notification letter"),
}


def document_kind_name(kind: str) -> str:
    """The translated name of a document kind (the kind itself when unknown)."""
    return str(DOCUMENT_KINDS.get(kind, kind))


def _printer_setting(device: Device | str | None) -> str:
    if isinstance(device, Device):
        return device.printer or ""
    return device or ""


def print_document(device: Device | str | None, pdf: bytes, kind: str, *, reference: str = "",
                   reprint: bool = False, source: dict | None = None, hall_id: int | None = None,
                   limited: bool = True) -> PrintJob:
    """Record a :class:`PrintJob` for ``pdf`` and send it to ``device``'s printer; commits.

    ``device`` is a registered :class:`Device`, a printer setting string, or ``None`` for
    ``KIOSK_DEFAULT_PRINTER``. Never raises for printer failures: the job comes back with
    ``status == "failed"`` and a translated ``message``; the PDF is kept for a reprint.
    A customer's print (``limited``) past the device's limits (:mod:`kiosk.printing.limits`) is
    refused: the job comes back failed, unsaved and unprinted. Staff reprints are not limited.
    """
    setting = _printer_setting(device)
    registered = device if isinstance(device, Device) else None
    refusal = limits.refusal(kind, reference) if limited else None
    if refusal is not None:
        return PrintJob(kind=kind[:32], reference=(reference or "")[:64], status=PrintStatus.FAILED,
                        message=refusal, printer="", backend=PrinterKind.FILE, reprint=reprint)
    job = PrintJob(
        kind=kind[:32], reference=(reference or "")[:64], reprint=reprint, pdf=pdf, pdf_size=len(pdf),
        device_id=registered.id if registered else None, device_name=registered.name if registered else "",
        hall_id=hall_id if hall_id is not None else (registered.hall_id if registered else None),
        source=source or {}, created_at=utcnow(), status=PrintStatus.FAILED, message="",
    )
    try:
        printer = backends.parse_printer(setting)
    except backends.BadPrinterSetting:
        job.printer, job.backend = setting[:255], setting.partition(":")[0][:16]
        LOGGER.warning("invalid printer setting %r", setting)
        job.message = _("This device's printer is not set up correctly.")
        return _save(job)
    job.printer = (setting or f"{printer.backend}:{printer.target}")[:255]
    job.backend = printer.backend
    db.session.add(job)
    db.session.flush()  # the id names the spool file
    stamp = job.created_at.strftime("%Y%m%d-%H%M%S")
    filename = f"{stamp}-{job.id:06d}-{_safe(kind)}{'-reprint' if reprint else ''}.pdf"
    try:
        outcome = backends.dispatch(printer, pdf, filename=filename, title=f"{kind} {reference}".strip())
    except Exception as error:  # noqa: BLE001 - a printer problem must never lose the customer's place
        LOGGER.exception("printing failed")
        outcome = backends.Outcome(False, _("The printer could not be reached (%(reason)s).",
                                             reason=type(error).__name__))
    job.status = PrintStatus.OK if outcome.ok else PrintStatus.FAILED
    job.message = outcome.message
    job.spool_path = outcome.spool_path
    return _save(job)


def _safe(text: str) -> str:
    return "".join(ch if ch.isalnum() or ch in "-_" else "_" for ch in text)[:32] or "document"


def _save(job: PrintJob) -> PrintJob:
    db.session.add(job)
    db.session.commit()
    if job.failed:
        LOGGER.warning("print job %s (%s %s) failed: %s", job.id, job.kind, job.reference, job.message)
    return job


def recent_jobs(hall_id: int | None = None, limit: int = 100) -> list[PrintJob]:
    """The newest jobs first (of ``hall_id`` and those without a hall, when given)."""
    query = select(PrintJob).order_by(PrintJob.id.desc()).limit(limit)
    if hall_id is not None:
        query = query.where((PrintJob.hall_id == hall_id) | (PrintJob.hall_id.is_(None)))
    return list(db.session.scalars(query))


def job_by_id(job_id: int) -> PrintJob | None:
    """The job with ``job_id``, or ``None``."""
    return db.session.get(PrintJob, job_id)


def reprint_job(job: PrintJob) -> PrintJob:
    """Print ``job`` again on the same printer, as a reprint, audit-logged; returns the new job (committed).

    A document whose feature registered a re-renderer (a ticket) is rendered afresh so the
    paper says "reprint"; other documents reuse the kept PDF.
    """
    entry = record("print.reprint", f"print_job:{job.id}",
                   before={"kind": job.kind, "reference": job.reference, "status": job.status})
    device = db.session.get(Device, job.device_id) if job.device_id else None
    target: Device | str = device if device is not None else job.printer
    source = dict(job.source or {})
    pdf = documents.rerender(job.kind, source) or job.pdf or b""
    if not pdf:
        new = PrintJob(kind=job.kind, reference=job.reference, printer=job.printer, backend=job.backend,
                       device_id=job.device_id, device_name=job.device_name, hall_id=job.hall_id,
                       reprint=True, pdf=None, pdf_size=0, source=source, created_at=utcnow(),
                       status=PrintStatus.FAILED, message=_("The document is no longer available."))
        _save(new)
    else:
        new = print_document(target, pdf, job.kind, reference=job.reference, reprint=True, source=source,
                             hall_id=job.hall_id, limited=False)
    entry.after = {"job": new.id, "status": new.status, "printer": new.printer}
    db.session.commit()
    return new
