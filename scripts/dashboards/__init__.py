# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The ADV dashboards, described figure by figure (written by ``scripts/make_dashboards.py``)."""

from .claims import CLAIMS_DASHBOARD
from .dunning import RECEIVABLES
from .order_control import ORDER_TO_CASH
from .overview import OVERVIEW
from .supply import SUPPLY_DASHBOARD
from .trade_show import TRADE_SHOWS

DASHBOARDS = [ORDER_TO_CASH, RECEIVABLES, CLAIMS_DASHBOARD, SUPPLY_DASHBOARD, TRADE_SHOWS, OVERVIEW]
