// A study notebook imports StudyKit and gets the model library, the notebook runtime and the
// figures with it.
@_exported import Figures
@_exported import Learning
@_exported import Literate
