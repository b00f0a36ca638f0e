from __future__ import annotations

from app.services.database import resolve_location, with_credentials
from app.views.sign_in import SignInDialog


def test_the_dialog_gives_the_credentials_and_the_url_carries_them(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = SignInDialog("postgresql+psycopg://db.shop/siyu", "wrong password", "siyu_chenjia")
    qtbot.addWidget(dialog)
    assert dialog.problem.isVisibleTo(dialog) and dialog.login.text() == "siyu_chenjia"
    dialog.password.setText("s3cret")
    assert dialog.credentials() == ("siyu_chenjia", "s3cret")
    location = with_credentials(resolve_location("postgresql+psycopg://db.shop/siyu"), *dialog.credentials())
    assert location.url == "postgresql+psycopg://siyu_chenjia:s3cret@db.shop/siyu"
    assert "s3cret" not in location.display and not location.is_sqlite
