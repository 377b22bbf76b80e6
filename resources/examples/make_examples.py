"""Build the example projects in this folder (File > Examples in the app).

    python resources/examples/make_examples.py          # rewrite every *.annproj here

Each example is an untrained experiment ready for class: the data source, the network,
the training settings and a short description (English, then Korean). Weights are the
seeded initial weights, so the files are reproducible byte for byte.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))

from simulator import DataSource, TrainingSettings  # noqa: E402
from simulator.document import Document  # noqa: E402
from simulator.project import Project, save_project  # noqa: E402


@dataclass
class Example:
    file: str
    title: str
    description: str
    source: DataSource
    spec: dict
    settings: TrainingSettings = field(default_factory=TrainingSettings)


def _layers(inputs, *layers):
    return {"inputs": inputs, "layers": [
        {"units": u, "activation": a} for u, a in layers]}


EXAMPLES = [
    Example(
        "xor.annproj",
        "XOR — why a hidden layer? / XOR — 은닉층이 필요한 이유",
        "The XOR truth table: no single straight line separates the 1s from the 0s. "
        "A 2-3-1 network bends the boundary with its hidden layer. Press Train and watch "
        "the decision boundary; try removing the hidden layer to see it fail.\n\n"
        "XOR 진리표는 직선 하나로 1과 0을 나눌 수 없습니다. 은닉층이 있는 2-3-1 신경망은 "
        "결정 경계를 구부려 문제를 풉니다. 학습을 눌러 결정 경계를 지켜보고, 은닉층을 지우면 "
        "왜 실패하는지 확인해 보세요.",
        DataSource(name="xor_gate", train_ratio=1.0),
        _layers(2, (3, "tanh"), (1, "sigmoid")),
        TrainingSettings(loss="mse", optimizer="sgd", learning_rate=1.0, batch_size=4,
                         init="xavier", seed=1)),
    Example(
        "perceptron-and.annproj",
        "Perceptron learns AND / 퍼셉트론으로 AND 배우기",
        "Rosenblatt's perceptron: one step unit, w <- w + lr (target - output) x. "
        "AND is linearly separable, so the rule finds a separating line in a few epochs. "
        "Step through the epochs one by one and watch the weights change.\n\n"
        "로젠블랫의 퍼셉트론: 계단 함수 뉴런 하나와 w <- w + lr (목표 - 출력) x 규칙. "
        "AND는 직선으로 나눌 수 있으므로 몇 번의 에포크 만에 경계선을 찾습니다. "
        "에포크를 하나씩 진행하며 가중치가 어떻게 바뀌는지 살펴보세요.",
        DataSource(name="and", train_ratio=1.0),
        _layers(2, (1, "step")),
        TrainingSettings(loss="mse", optimizer="perceptron", learning_rate=0.1,
                         batch_size=1, init="uniform", seed=0)),
    Example(
        "circle.annproj",
        "Circle (TensorFlow Playground's default) / 원 (텐서플로 플레이그라운드 기본값)",
        "TensorFlow Playground's starting point: circle data, 500 points, 50% for training, "
        "no noise; a 2-4-2-1 tanh network trained with squared error, SGD, learning rate "
        "0.03 and batch size 10.\n\n"
        "텐서플로 플레이그라운드의 첫 화면과 같습니다: 원 데이터 500개, 학습용 50%, 잡음 없음, "
        "2-4-2-1 tanh 신경망, 제곱 오차, SGD, 학습률 0.03, 배치 크기 10.",
        DataSource(name="circle", params={"n_points": 500, "noise": 0.0, "seed": 0},
                   train_ratio=0.5),
        _layers(2, (4, "tanh"), (2, "tanh"), (1, "tanh")),
        TrainingSettings(loss="mse", optimizer="sgd", learning_rate=0.03, batch_size=10,
                         regularization="none", seed=0)),
    Example(
        "spiral.annproj",
        "Two spirals / 두 개의 나선",
        "The hardest of the 2-D data sets. Three hidden layers of 8 tanh units and the Adam "
        "optimizer untangle the spirals in a few hundred epochs. Try fewer layers or "
        "plain SGD and compare the loss curves.\n\n"
        "2차원 데이터 중 가장 어려운 문제입니다. tanh 뉴런 8개짜리 은닉층 세 개와 Adam "
        "최적화로 수백 에포크 안에 두 나선을 분리합니다. 층을 줄이거나 SGD로 바꿔 손실 "
        "곡선을 비교해 보세요.",
        DataSource(name="spiral", params={"n_points": 500, "noise": 0.0, "seed": 0},
                   train_ratio=0.5),
        _layers(2, (8, "tanh"), (8, "tanh"), (8, "tanh"), (1, "sigmoid")),
        TrainingSettings(loss="bce", optimizer="adam", learning_rate=0.01, batch_size=10,
                         seed=0)),
    Example(
        "iris.annproj",
        "Iris flowers: three classes / 붓꽃: 세 가지 품종",
        "Fisher's iris data: 4 measurements, 3 species. Features are standardized with the "
        "training rows' statistics; the softmax output gives one probability per species "
        "and is trained with cross-entropy.\n\n"
        "피셔의 붓꽃 데이터: 측정값 4개, 품종 3개. 특성은 학습 데이터의 평균과 표준편차로 "
        "표준화합니다. 소프트맥스 출력층이 품종별 확률을 내고 교차 엔트로피로 학습합니다.",
        DataSource(name="iris", train_ratio=0.7, normalization="standardize"),
        _layers(4, (8, "relu"), (3, "softmax")),
        TrainingSettings(loss="cross_entropy", optimizer="adam", learning_rate=0.01,
                         batch_size=16, init="he", seed=0)),
    Example(
        "vanishing-gradient.annproj",
        "Vanishing gradients: 8 sigmoid layers / 기울기 소실: 시그모이드 8층",
        "Eight hidden layers of sigmoid units. The sigmoid's slope is at most 1/4, so the "
        "gradient shrinks at every layer on its way back: open the gradient plot and see "
        "the first layers barely learn. Then switch the hidden activations to relu.\n\n"
        "시그모이드 은닉층 8개. 시그모이드의 기울기는 최대 1/4이라 역전파될 때마다 기울기가 "
        "줄어듭니다. 기울기 그래프에서 앞쪽 층이 거의 학습되지 않는 것을 확인하고, 은닉층 "
        "활성화 함수를 relu로 바꿔 비교해 보세요.",
        DataSource(name="circle", params={"n_points": 500, "noise": 0.0, "seed": 0},
                   train_ratio=0.5),
        _layers(2, *[(6, "sigmoid")] * 8, (1, "sigmoid")),
        TrainingSettings(loss="mse", optimizer="sgd", learning_rate=0.1, batch_size=10,
                         init="xavier", seed=0)),
]


def build(example: Example) -> Project:
    doc = Document(example.spec, example.settings, example.source)
    if doc.spec.to_dict() != example.spec:
        raise SystemExit(f"{example.file}: the spec does not fit the data "
                         f"({doc.spec.to_dict()} != {example.spec})")
    doc.title, doc.description = example.title, example.description
    return Project.from_document(doc)


def main(folder: Path = HERE) -> None:
    for example in EXAMPLES:
        save_project(build(example), folder / example.file)
        print(f"wrote {folder / example.file}")


if __name__ == "__main__":
    main()
