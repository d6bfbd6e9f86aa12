// The study layer: what every long study repeats (profiles as data, learner runs that resume,
// the vocabulary of results), over the three libraries, and the host the notebooks run with.
// A notebook needs only `import StudyKit`.
@_exported import Figures
@_exported import Foundation
@_exported import Learning
@_exported import Literate
