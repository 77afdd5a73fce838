"""Renderers of documents produced on request, by key (``jenis``)."""

from collections.abc import Callable

Renderer = Callable[[dict, object], tuple[str, bytes]]

_RENDERERS: dict[str, Renderer] = {}


def register_cetakan(jenis: str) -> Callable[[Renderer], Renderer]:
    """``@register_cetakan("lembar-disposisi")`` on ``def render(params: dict, user) -> (filename, bytes)``.

    The renderer runs later, in a worker: it must check again that ``user`` may see the data and
    raise ``Http404``, ``PermissionDenied`` or a ``BerkasError`` (its message is shown) if not."""

    def decorator(func: Renderer) -> Renderer:
        if _RENDERERS.get(jenis, func) is not func:
            raise ValueError(f"cetakan {jenis!r} is registered twice")
        _RENDERERS[jenis] = func
        return func

    return decorator


def renderer_for(jenis: str) -> Renderer:
    try:
        return _RENDERERS[jenis]
    except KeyError:
        raise LookupError(f"no cetakan renderer for {jenis!r}") from None


def registered() -> list[str]:
    return sorted(_RENDERERS)
