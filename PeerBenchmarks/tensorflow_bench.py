"""Times the five studies' models in TensorFlow/Keras on the CPU, with the shapes, batch sizes and
steps our `Benchmarks` target uses, so that `make bench` can print the two side by side.

Each measurement is the best of several repeats, printed as `result <model> <phase> <value> <unit>`:
train and predict in images/s, acquire (one MNISTBayesianDropout acquisition step: 100 forward
passes with dropout on over 2 000 images) in seconds. Models are named by the study notebook
they belong to.
"""
import os
import sys
import time

import numpy as np
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers

REPEATS = int(os.environ.get("BENCH_REPEATS", "5"))


def fashion_cnn():
    """Fashion-MNIST CNN of the FashionMarginAugmentation study (Adam with legacy-style decay is not
    timed differently)."""
    m = keras.Sequential([
        keras.Input((28, 28, 1)),
        layers.Conv2D(64, 3, padding="same", activation="relu"), layers.BatchNormalization(),
        layers.MaxPooling2D(2), layers.Dropout(0.25),
        layers.Conv2D(128, 3, padding="same", activation="relu"), layers.BatchNormalization(),
        layers.MaxPooling2D(2), layers.Dropout(0.25),
        layers.Conv2D(256, 3, padding="same", activation="relu"), layers.BatchNormalization(),
        layers.MaxPooling2D(2), layers.Dropout(0.25),
        layers.Flatten(), layers.Dense(1024, activation="relu"), layers.Dropout(0.25),
        layers.Dense(512, activation="relu"), layers.Dropout(0.25), layers.Dense(10, activation="softmax"),
    ])
    m.compile(keras.optimizers.Adam(1e-3), "categorical_crossentropy")
    return m


def mnist_cnn():
    m = keras.Sequential([
        keras.Input((28, 28, 1)),
        layers.Conv2D(32, 3, activation="relu"), layers.Conv2D(64, 3, activation="relu"),
        layers.MaxPooling2D(2), layers.Dropout(0.25), layers.Flatten(),
        layers.Dense(128, activation="relu"), layers.Dense(10, activation="softmax"),
    ])
    m.compile(keras.optimizers.Adadelta(), "categorical_crossentropy")
    return m


def bayesian_cnn():
    m = keras.Sequential([
        keras.Input((28, 28, 1)),
        layers.Conv2D(32, 3, activation="relu"), layers.Conv2D(32, 3, activation="relu"),
        layers.MaxPooling2D(5), layers.Dropout(0.25), layers.Flatten(),
        layers.Dense(128, activation="relu", kernel_regularizer=keras.regularizers.l2(3.5 / 1000)),
        layers.Dropout(0.5), layers.Dense(10, activation="softmax"),
    ])
    m.compile(keras.optimizers.Adam(), "categorical_crossentropy")
    return m


def softmax():
    m = keras.Sequential([keras.Input((784,)), layers.Dense(10, activation="softmax", kernel_initializer="zeros")])
    m.compile(keras.optimizers.Adam(0.1), "categorical_crossentropy")
    return m


def best(fn):
    fn()  # warm-up: tracing and first allocations
    times = []
    for _ in range(REPEATS):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def train_rate(model, shape, batch, steps):
    rng = np.random.default_rng(0)
    x = rng.random((batch * steps,) + shape, dtype=np.float32)
    y = keras.utils.to_categorical(rng.integers(0, 10, batch * steps), 10)
    seconds = best(lambda: model.fit(x, y, batch_size=batch, epochs=1, shuffle=False, verbose=0))
    return batch * steps / seconds


def predict_rate(model, shape, batch, count):
    x = np.random.default_rng(1).random((count,) + shape, dtype=np.float32)
    seconds = best(lambda: model.predict(x, batch_size=batch, verbose=0))
    return count / seconds


def acquire_seconds(model, passes=100, count=2000, batch=128):
    x = tf.constant(np.random.default_rng(2).random((count, 28, 28, 1), dtype=np.float32))

    @tf.function
    def one_pass(batch_x):
        return model(batch_x, training=True)  # dropout on: Monte Carlo dropout

    def step():
        for _ in range(passes):
            for start in range(0, count, batch):
                one_pass(x[start:start + batch]).numpy()

    return best(step)


def report(model, phase, value, unit):
    print(f"result {model} {phase} {value:.4g} {unit}", flush=True)


def main():
    tf.config.threading.set_intra_op_parallelism_threads(os.cpu_count())
    tf.config.threading.set_inter_op_parallelism_threads(1)
    print(f"# TensorFlow {tf.__version__}, Keras {keras.__version__}", file=sys.stderr)
    image = (28, 28, 1)
    m = fashion_cnn()
    report("FashionMarginAugmentation", "train", train_rate(m, image, 32, 60), "images/s")
    report("FashionMarginAugmentation", "predict", predict_rate(m, image, 256, 10_000), "images/s")
    m = mnist_cnn()
    report("MNISTEntropySampling", "train", train_rate(m, image, 32, 100), "images/s")
    report("MNISTEntropySampling", "predict", predict_rate(m, image, 256, 10_000), "images/s")
    m = bayesian_cnn()
    report("MNISTBayesianDropout", "train", train_rate(m, image, 128, 40), "images/s")
    report("MNISTBayesianDropout", "predict", predict_rate(m, image, 256, 10_000), "images/s")
    report("MNISTBayesianDropout", "acquire", acquire_seconds(m), "s")
    m = softmax()
    report("softmax", "train", train_rate(m, (784,), 4000, 1), "images/s")
    report("softmax", "predict", predict_rate(m, (784,), 400, 400), "images/s")


if __name__ == "__main__":
    main()
