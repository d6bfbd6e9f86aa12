// A notebook imports Literate and gets the figures with it.
@_exported import Figures
