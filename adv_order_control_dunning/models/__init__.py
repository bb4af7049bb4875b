from . import adv_dunning_notice
