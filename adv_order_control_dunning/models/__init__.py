from . import adv_dunning_level
from . import adv_dunning_notice
