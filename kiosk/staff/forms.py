"""Staff forms (Flask-WTF: CSRF on every one)."""
from flask import request
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import PasswordField, StringField
from wtforms.validators import DataRequired, Length


class LoginForm(FlaskForm):
    """Username and password."""

    class Meta(FlaskForm.Meta):
        def wrap_formdata(self, form, formdata):
            """The posted HTML form only: a JSON body (``[1, 2, 3]``, ``{"username": 5}``) is an empty form."""
            if request.is_json:
                return request.form if request.method == "POST" else None
            return super().wrap_formdata(form, formdata)

    username = StringField(_l("Username"), validators=[DataRequired(message=_l("Enter your username.")),
                                                        Length(max=64)])
    password = PasswordField(_l("Password"), validators=[DataRequired(message=_l("Enter your password."))])
