"""The helpdesk's behaviour, one module per concern; views and commands import from here.

The modules hold the rules: what is logged, what the requester may see, what an email may contain, what
anonymisation keeps.
"""

from .attachments import (
    ALLOWED_TYPES,
    AttachmentRefused,
    check_quota,
    check_upload,
    safe_name,
    store_attachment,
)
from .audit import audit
from .deadlines import add_working_days, due_date_for
from .emails import deliver, queue_email, send_pending
from .faq import (
    SheetRefused,
    approve_faq_sheet,
    discard_faq_copies,
    faq_prefill,
    save_faq_sheet,
    sheet_identifiers,
)
from .figures import SMALL_COUNT, statistics_csv_rows, statistics_for
from .handling import (
    add_note,
    answer,
    assign,
    canned_text,
    change_status,
    merge,
    related_tickets,
    set_dossiers,
)
from .identifiers import SCRUBBED_EMAIL, SCRUBBED_PHONE, identifying_details, scrub
from .privacy import (
    ANONYMISED_TEXT,
    ERASED_TEXT,
    KEPT_AFTER_ANONYMISATION,
    anonymise_expired,
    erase_requester,
    export_requester_data,
    kept_after_anonymisation,
    requester_tickets,
    retention_cutoff,
)
from .requester import admin_url, requester_reply, submit_request, thread_for_requester
from .roles import is_jurist, jurists
from .tokens import (
    access_for_token,
    follow_up_url,
    hash_token,
    issue_token,
    ticket_for_access,
    ticket_for_token,
)
from .worklist import queue

__all__ = [
    "is_jurist",
    "jurists",
    "add_working_days",
    "due_date_for",
    "follow_up_url",
    "hash_token",
    "issue_token",
    "access_for_token",
    "ticket_for_access",
    "ticket_for_token",
    "ALLOWED_TYPES",
    "AttachmentRefused",
    "check_quota",
    "check_upload",
    "safe_name",
    "store_attachment",
    "audit",
    "deliver",
    "queue_email",
    "send_pending",
    "admin_url",
    "requester_reply",
    "submit_request",
    "thread_for_requester",
    "add_note",
    "answer",
    "assign",
    "canned_text",
    "change_status",
    "merge",
    "related_tickets",
    "set_dossiers",
    "SheetRefused",
    "approve_faq_sheet",
    "discard_faq_copies",
    "faq_prefill",
    "save_faq_sheet",
    "sheet_identifiers",
    "SMALL_COUNT",
    "statistics_csv_rows",
    "statistics_for",
    "ANONYMISED_TEXT",
    "ERASED_TEXT",
    "KEPT_AFTER_ANONYMISATION",
    "SCRUBBED_EMAIL",
    "SCRUBBED_PHONE",
    "anonymise_expired",
    "erase_requester",
    "export_requester_data",
    "kept_after_anonymisation",
    "identifying_details",
    "requester_tickets",
    "retention_cutoff",
    "scrub",
    "queue",
]
