from . import badge_parser, normalize
