# Urdu as written in Pakistan (CLDR's ur): "26 فروری، 1992" (the Arabic comma before the year),
# day first, numbers "1,275" and "3.5" in Western digits as Pakistani print uses them. Vigil keeps
# the 24-hour clock of its other languages, so a time never hangs on a word for morning.
DATE_FORMAT = "j F، Y"
TIME_FORMAT = "H:i"
DATETIME_FORMAT = "j F، Y، H:i"
YEAR_MONTH_FORMAT = "F Y"
MONTH_DAY_FORMAT = "j F"
SHORT_DATE_FORMAT = "d/m/Y"
SHORT_DATETIME_FORMAT = "d/m/Y، H:i"
FIRST_DAY_OF_WEEK = 1  # Monday
DECIMAL_SEPARATOR = "."
THOUSAND_SEPARATOR = ","
NUMBER_GROUPING = 3
