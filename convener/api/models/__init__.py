from convener.api.models.tokens import ApiToken, digest_of

__all__ = ["ApiToken", "digest_of"]
