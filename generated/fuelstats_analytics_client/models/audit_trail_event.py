from enum import StrEnum

class AuditTrailEvent(StrEnum):
    EXPORT = "export"
    JOB_CANCELLED = "job-cancelled"
    JOB_CREATED = "job-created"
    JOB_RESULT = "job-result"
    LOGIN = "login"
    LOGIN_FAILED = "login-failed"
    LOGIN_THROTTLED = "login-throttled"
    LOGOUT = "logout"
    MASTER_KEY_RESET = "master-key-reset"
    PASSWORD_RESET = "password-reset"
    ROLE_GRANTED = "role-granted"
    TOKEN_CREATED = "token-created"
    TOKEN_REVOKED = "token-revoked"
    TOKEN_USED = "token-used"
    USER_ADDED = "user-added"
    USER_DISABLED = "user-disabled"
    USER_ENABLED = "user-enabled"

    def __str__(self) -> str:
        return str(self.value)
