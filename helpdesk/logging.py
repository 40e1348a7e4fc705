"""A logging filter that keeps personal data out of every log line: email addresses, phone numbers and
helpdesk follow-up tokens are replaced, in the message and in the traceback, before any handler formats
the record. It is on the console handler every logger of the portal writes through."""

import logging
import re

# A dot or an at sign, written plainly or spelled out to dodge harvesters: « jean.dupont [at] exemple
# [point] fr », « jean dot dupont at gmail dot com », « jean(arobase)exemple.fr ».
_DOT = r"(?:\s*[\[({]\s*(?:dot|point)\s*[\])}]\s*|\s+(?:dot|point)\s+|\.)"
_AT = r"(?:\s*[\[({]\s*(?:at|arobase|chez)\s*[\])}]\s*|\s+(?:at|arobase)\s+|\s?@\s?)"
EMAIL = re.compile(
    rf"(?<![\w+-])[\w+-]{{1,64}}(?:{_DOT}[\w+-]{{1,64}}){{0,8}}{_AT}[\w-]{{1,63}}(?:{_DOT}[a-z0-9-]{{1,63}}){{0,4}}"
    rf"{_DOT}[a-z]{{2,12}}\b",
    re.IGNORECASE,
)
FOLLOW_UP = re.compile(r"(/permanence/suivi/)[^/\s?\"']+")
# French numbers (06 12 34 56 78, 06.12.34.56.78, 0612345678) and international ones with a + or 00 prefix
# and 6 to 13 more digits, however grouped (+33 6 12 34 56 78, 0033612345678, +241 77 12 34 56,
# +33 (0)6 12 34 56 78).
PHONE = re.compile(
    r"(?<![\w+])(?:(?:\+|00)\d{1,3}[\s.-]?(?:\(0\)[\s.-]?)?\d(?:[\s.-]?\d){5,12}|0\d(?:[\s.-]?\d{2}){4})"
    r"(?![\w])"
)


def redact(text):
    text = FOLLOW_UP.sub(r"\1[jeton]", text)
    text = EMAIL.sub("[courriel]", text)
    return PHONE.sub("[téléphone]", text)


# What every record has; anything else was passed in `extra` (Django's `request`, for one), and a JSON
# formatter prints it too.
STANDARD_ATTRIBUTES = set(vars(logging.LogRecord("", 0, "", 0, "", (), None))) | {
    "message",
    "asctime",
    "request_id",
}


class RedactPersonalData(logging.Filter):
    def filter(self, record):
        for name, value in list(vars(record).items()):
            if name not in STANDARD_ATTRIBUTES and not isinstance(value, int | float | None):
                setattr(record, name, redact(str(value)))
        try:
            message = record.getMessage()
        except Exception:  # a malformed record: leave it to the handler
            return True
        redacted = redact(message)
        if redacted != message:
            record.msg, record.args = redacted, ()
        if record.exc_info:
            # A traceback quotes values too (a database error names the row it refused): format it
            # here, redacted, for every formatter (plain or JSON) to print instead.
            record.exc_text = redact(logging.Formatter().formatException(record.exc_info))
            record.exc_info = None
        return True
