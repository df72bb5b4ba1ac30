"""Flask extensions, created unbound here and bound in :func:`kiosk.create_app`."""
from typing import TYPE_CHECKING, ClassVar

from flask_babel import Babel
from flask_login import LoginManager
from flask_migrate import Migrate
from flask_sqlalchemy import SQLAlchemy
from flask_wtf.csrf import CSRFProtect
from sqlalchemy import MetaData, Table
from sqlalchemy.orm import DeclarativeBase

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    """Declarative base with a constraint naming convention (stable migration names)."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    __table__: ClassVar[Table]


db = SQLAlchemy(model_class=Base)

#: The base class of every model: Flask-SQLAlchemy's ``db.Model``, seen by type checkers as :class:`Base`.
if TYPE_CHECKING:
    Model = Base
else:
    Model = db.Model

migrate = Migrate()
babel = Babel()
csrf = CSRFProtect()
login_manager = LoginManager()
