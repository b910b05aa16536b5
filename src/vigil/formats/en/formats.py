# English as Vigil's readers write it across the world: day before month, a 24-hour clock, no
# abbreviations with full stops ("26 February 1992", not "Feb. 26, 1992"; "13:32", not "1:32 p.m.").
# Django's own English formats fill in what is not set here (input formats among them).
DATE_FORMAT = "j F Y"
TIME_FORMAT = "H:i"
DATETIME_FORMAT = "j F Y, H:i"
YEAR_MONTH_FORMAT = "F Y"
MONTH_DAY_FORMAT = "j F"
SHORT_DATE_FORMAT = "j M Y"
SHORT_DATETIME_FORMAT = "j M Y, H:i"
FIRST_DAY_OF_WEEK = 1  # Monday
DECIMAL_SEPARATOR = "."
THOUSAND_SEPARATOR = ","
NUMBER_GROUPING = 3
