"""cloudbeleid-checker: may this cloud service be used under the Rijksbreed cloudbeleid and the Kaderwet zbo?"""

__version__ = "0.1.0"
