"""Build the lessons in this folder (Help > Lessons in the app).

    python resources/lessons/make_lessons.py      # rewrite every *.lesson.json and *.annproj

One lesson per topic of the lecture, in its order. Each is a ``NN-name.lesson.json``
(text in Korean and English, docks, speed, questions; format in ``simulator.lessons``)
and the prepared, untrained ``NN-name.annproj`` it opens (seeded initial weights, so
both files are reproducible byte for byte).
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))

from simulator import DataSource, TrainingSettings  # noqa: E402
from simulator.datasets import Dataset  # noqa: E402
from simulator.document import Document  # noqa: E402
from simulator.lessons import Lesson, Question, save_lesson  # noqa: E402
from simulator.project import Project  # noqa: E402

#: Dock keys of this app (ui/*/__init__.py) and of views that may not be built yet
#: (math-*: the math views, grid: the grid search; a lesson says so when missing).
PLOTS = ("plot-output", "plot-loss", "plot-gradients", "plot-activation", "plot-weights")
VIEWS = ("explain", "math-matrix", "math-backprop", "math-gallery", "grid")
#: What a lesson tucks away: every dock it does not open.
ALL = ("data", "palette", "properties", "hyperparameters") + PLOTS + VIEWS


@dataclass
class Spec:
    name: str
    title: tuple[str, str]            # (ko, en)
    text: tuple[str, str]
    questions: list[tuple[str, str, str, str]]  # (question ko, answer ko, question en, answer en)
    source: DataSource
    layers: list[tuple[int, str]]
    settings: TrainingSettings
    open: tuple[str, ...]
    speed: float
    dataset: Dataset | None = None
    inputs: int = 2


def _gates() -> DataSource:
    return DataSource(name="and", train_ratio=1.0)


def _linear_table() -> Dataset:
    """y = 0.2 x1 + 0.8 x2 + a little noise: the lecture's readable linear model."""
    rng = np.random.default_rng(0)
    X = rng.uniform(-3, 3, (200, 2))
    y = 0.2 * X[:, 0] + 0.8 * X[:, 1] + rng.normal(0, 0.05, 200)
    return Dataset(X, y.reshape(-1, 1), ("x1", "x2"), ("y",), "regression", "shallow-deep",
                   "y = 0.2 x1 + 0.8 x2 + noise (standard deviation 0.05), 200 rows.")


CIRCLE = {"n_points": 300, "noise": 0.0, "seed": 0}

LESSONS = [
    Spec("01-perceptron",
         ("퍼셉트론이 AND와 OR을 배운다", "A perceptron learns AND and OR"),
         ("뉴런 하나(계단 함수)가 입력의 가중합을 계산합니다: o = step(w1·x1 + w2·x2 + b). "
          "퍼셉트론 학습 규칙은 틀린 점마다 가중치를 고칩니다: w ← w + η (t − o) x.\n\n"
          "해 볼 것: 학습을 누르고 느린 속도(초당 2 에포크)로 결정 경계가 움직이는 것을 보세요. "
          "몇 에포크 만에 (1, 1)만 1인 직선을 찾습니다. 그다음 데이터 패널에서 OR 게이트로 바꾸고 "
          "다시 학습해 보세요.\n\n"
          "볼 것: 네트워크 출력(결정 경계), 손실 곡선, 캔버스의 연결선 굵기(가중치 크기).",
          "One neuron with a step activation computes a weighted sum of its inputs: "
          "o = step(w1·x1 + w2·x2 + b). The perceptron rule corrects the weights at every "
          "misclassified point: w ← w + η (t − o) x.\n\n"
          "Try: press Train and watch the decision line move in slow motion (2 epochs per "
          "second). Within a few epochs it finds a line that puts only (1, 1) on the 1 side. "
          "Then switch the data panel to the OR gate and train again.\n\n"
          "Look at: the network output (decision boundary), the loss curve and the width of "
          "the connections on the canvas (the size of each weight)."),
         [("AND와 OR에서 학습된 가중치와 편향은 어떻게 다른가요?",
           "두 경우 모두 가중치는 양수이지만, AND는 두 입력이 모두 1일 때만 합이 0을 넘도록 편향이 "
           "더 큰 음수가 됩니다. OR은 입력 하나만 1이어도 넘도록 편향이 0에 더 가깝습니다.",
           "How do the learned weights and bias differ between AND and OR?",
           "Both have positive weights, but AND needs a more negative bias so that the sum "
           "crosses 0 only when both inputs are 1; OR's bias is closer to 0, so one input "
           "is enough."),
          ("왜 이 규칙은 AND에서 반드시 멈추나요?",
           "AND는 직선 하나로 나눌 수 있는(선형 분리 가능한) 문제이기 때문입니다. 퍼셉트론 수렴 "
           "정리에 따라 그런 직선이 있으면 규칙은 유한한 횟수의 수정 후 오류 없이 멈춥니다.",
           "Why is the rule sure to stop on AND?",
           "AND is linearly separable: one straight line splits the classes. By the "
           "perceptron convergence theorem the rule then stops after a finite number of "
           "corrections with no errors left.")],
         _gates(), [(1, "step")],
         TrainingSettings(loss="mse", optimizer="perceptron", learning_rate=0.1,
                          batch_size=1, init="uniform", seed=0, epoch_limit=40),
         ("data", "plot-output", "plot-loss", "hyperparameters"), 2.0),
    Spec("02-xor",
         ("XOR: 직선 하나로는 안 된다, 은닉층이 푼다",
          "XOR defeats one line; a hidden layer solves it"),
         ("XOR은 입력이 서로 다를 때만 1입니다. (0,1)과 (1,0)은 1, (0,0)과 (1,1)은 0이어서 어떤 "
          "직선도 둘을 나누지 못합니다. 지금 신경망은 은닉층이 없는 단층 퍼셉트론(2-1)입니다.\n\n"
          "해 볼 것: 학습을 눌러 보세요. 손실이 0.25 근처에서 멈추고 경계는 직선 그대로입니다. "
          "멈춘 뒤 층 팔레트에서 은닉층(tanh 뉴런 3개)을 입력과 출력 사이에 끌어다 놓고 다시 "
          "학습하세요. 은닉층이 입력을 새로운 변수로 바꾸고(비선형 변환) 출력층은 그 공간에서 "
          "직선을 긋습니다: h = tanh(x W1 + b1), o = sigmoid(h W2 + b2).",
          "XOR is 1 only when the inputs differ: (0,1) and (1,0) are 1, (0,0) and (1,1) are 0, "
          "so no straight line separates them. The network here is a single-layer perceptron "
          "(2-1) without a hidden layer.\n\n"
          "Try: press Train. The loss stalls near 0.25 and the boundary stays a straight line. "
          "Then stop, drag a hidden layer (3 tanh neurons) from the layer palette between "
          "input and output, and train again. The hidden layer turns the inputs into new "
          "features (a nonlinear transformation) and the output draws a line in that space: "
          "h = tanh(x W1 + b1), o = sigmoid(h W2 + b2)."),
         [("은닉층이 없을 때 손실이 왜 0.25 근처에 머무나요?",
           "가장 좋은 직선 경계로도 네 점 중 둘은 틀리므로, 모든 점에 0.5를 출력하는 것이 제곱 "
           "오차로는 최선에 가깝습니다: (0.5)² = 0.25.",
           "Why does the loss stay near 0.25 without a hidden layer?",
           "Any straight boundary still gets two of the four points wrong, so answering 0.5 "
           "everywhere is about the best a line can do in squared error: (0.5)² = 0.25."),
          ("은닉 뉴런은 최소 몇 개 필요할까요?",
           "두 개면 충분합니다: 각 뉴런이 직선 하나를 만들고 출력층이 두 직선 사이의 띠를 1로 "
           "고릅니다. 하지만 두 개로는 시작 가중치에 따라 학습이 막히기도 해서 세 개가 "
           "더 안정적입니다.",
           "How many hidden neurons are needed at least?",
           "Two: each makes one line and the output picks the band between them. With two, "
           "training sometimes gets stuck depending on the start weights; three is safer.")],
         DataSource(name="xor_gate", train_ratio=1.0), [(1, "sigmoid")],
         TrainingSettings(loss="mse", optimizer="sgd", learning_rate=1.0, batch_size=4,
                          init="xavier", seed=1),
         ("data", "palette", "plot-output", "plot-loss"), 20.0),
    Spec("03-matrix",
         ("가중치는 행렬: Feature 표 × W", "Weights as a matrix: the feature table times W"),
         ("강의의 Feature 표(4행 3열: a, b, c)에 가중치 행렬 W(3행 2열)를 곱하면 은닉층 값 "
          "(4행 2열)이 나옵니다: H = X W. 한 원소는 가중합 하나입니다. 예를 들어 첫 행의 h1 = "
          "4·w1 + 3·w3 + 2·w5. 앞 행렬의 열 수(특성 3개)가 뒤 행렬의 행 수와 같아야 곱할 수 "
          "있습니다.\n\n"
          "해 볼 것: 행렬 보기를 열고 층을 선택해 X, W, Z = X W + b를 보세요. 캔버스에서 연결선 "
          "하나를 클릭해 가중치를 바꾸면 행렬의 한 칸과 결과의 한 열이 함께 바뀝니다. 한 에포크씩 "
          "학습해 W가 어떻게 바뀌는지 보세요.",
          "Multiplying the lecture's feature table (4 rows × 3 columns: a, b, c) by a weight "
          "matrix W (3 × 2) gives the hidden values (4 × 2): H = X W. Each entry is one "
          "weighted sum, e.g. h1 of the first row = 4·w1 + 3·w3 + 2·w5. The first matrix's "
          "column count (3 features) must equal the second's row count.\n\n"
          "Try: open the matrix view and select a layer to see X, W and Z = X W + b. Click a "
          "connection on the canvas and change its weight: one cell of W and one column of "
          "the result change together. Train one epoch at a time and watch W change."),
         [("X가 4×3이고 W가 3×2이면 X W의 모양은?",
           "4×2입니다: 행마다(샘플마다) 은닉 뉴런 2개의 값이 하나씩 나옵니다.",
           "X is 4×3 and W is 3×2. What shape is X W?",
           "4×2: one row per sample, one column per hidden neuron."),
          ("W의 한 열은 무엇을 뜻하나요?",
           "은닉 뉴런 하나로 들어오는 모든 연결의 가중치입니다(a, b, c 각각에서 하나씩).",
           "What does one column of W hold?",
           "All the weights into one hidden neuron: one from each of a, b and c.")],
         DataSource(name="features", train_ratio=1.0), [(2, "linear"), (1, "linear")],
         TrainingSettings(loss="mse", optimizer="sgd", learning_rate=0.001, batch_size=4,
                          init="uniform", seed=0),
         ("math-matrix", "data", "properties", "plot-weights"), 1.0, inputs=3),
    Spec("04-activation",
         ("활성화함수와 그 도함수", "Activation functions and their derivatives"),
         ("활성화함수는 은닉 노드에 들어온 가중합 z를 변환합니다: h = f(z). 역전파는 그 "
          "도함수 f′(z)를 곱하며 오차를 되돌려 보냅니다.\n"
          "• step: 0 또는 1, f′ = 0 (그래서 역전파로는 학습할 수 없음)\n"
          "• sigmoid: f = 1/(1+e^−z), f′ = f(1−f), 최대 1/4\n"
          "• tanh: f′ = 1 − f², 최대 1\n"
          "• ReLU: max(0, z), f′ = 0 (z<0) 또는 1 (z>0)\n\n"
          "해 볼 것: 활성화 함수 갤러리와 그래프를 열고, 층 속성에서 은닉층의 활성화함수를 "
          "sigmoid, tanh, relu로 바꿔 가며 같은 원 데이터를 학습해 손실 곡선을 비교하세요.",
          "An activation function transforms the weighted sum z entering a hidden node: "
          "h = f(z). Backpropagation multiplies by its derivative f′(z) on the way back.\n"
          "• step: 0 or 1, f′ = 0 (so backpropagation cannot train it)\n"
          "• sigmoid: f = 1/(1+e^−z), f′ = f(1−f), at most 1/4\n"
          "• tanh: f′ = 1 − f², at most 1\n"
          "• ReLU: max(0, z), f′ = 0 (z<0) or 1 (z>0)\n\n"
          "Try: open the activation gallery and plot, then switch the hidden layer's "
          "activation in the layer properties between sigmoid, tanh and relu, train on the "
          "same circle data and compare the loss curves."),
         [("sigmoid의 도함수가 가장 큰 곳과 그 값은?",
           "z = 0에서 f = 1/2이므로 f′ = 1/2 · 1/2 = 1/4입니다.",
           "Where is the sigmoid's derivative largest, and how large?",
           "At z = 0, where f = 1/2, so f′ = 1/2 · 1/2 = 1/4."),
          ("출력층에 계단 함수를 두면 경사하강법이 왜 멈추나요?",
           "계단 함수의 도함수는 거의 모든 곳에서 0이라 오차 기울기 ∂E/∂w도 0이 되어 가중치가 "
           "바뀌지 않습니다.",
           "Why does gradient descent stall with a step function?",
           "Its derivative is 0 almost everywhere, so the error gradient ∂E/∂w is 0 and the "
           "weights never move.")],
         DataSource(name="circle", params=CIRCLE, train_ratio=0.5),
         [(4, "sigmoid"), (1, "sigmoid")],
         TrainingSettings(loss="mse", optimizer="sgd", learning_rate=0.3, batch_size=10,
                          init="xavier", seed=0),
         ("math-gallery", "plot-activation", "properties", "plot-loss"), 10.0),
    Spec("05-epoch",
         ("한 에포크 = 순전파 + 역전파, 한 단계씩",
          "One epoch = forward + backpropagation, step by step"),
         ("에포크는 모든 학습 데이터로 순전파(Forward Propagation)와 오차의 역전파(Back "
          "Propagation)를 마친 한 바퀴입니다.\n"
          "1단계 순전파: h = sigmoid(x W1 + b1), o = sigmoid(h W2 + b2)\n"
          "2단계 오차: E = (t − o)²\n"
          "3단계 역전파: ∂E/∂w_jk = −2 (t_k − o_k) · o_k (1 − o_k) · o_j\n"
          "4단계 경사하강: 새 w = 이전 w − α · ∂E/∂w\n\n"
          "해 볼 것: 역전파 단계 보기를 열고 한 단계씩 진행하며 각 층의 δ와 ∂E/∂W를 보세요. "
          "도구 모음의 '한 배치'와 '한 에포크' 버튼으로 가중치가 바뀌는 순간을 확인하세요.",
          "An epoch is one pass of forward propagation and error backpropagation over all "
          "training data.\n"
          "Step 1, forward: h = sigmoid(x W1 + b1), o = sigmoid(h W2 + b2)\n"
          "Step 2, error: E = (t − o)²\n"
          "Step 3, backpropagation: ∂E/∂w_jk = −2 (t_k − o_k) · o_k (1 − o_k) · o_j\n"
          "Step 4, gradient descent: new w = old w − α · ∂E/∂w\n\n"
          "Try: open the backpropagation stepper and go one step at a time, reading each "
          "layer's δ and ∂E/∂W. Use the toolbar's one-batch and one-epoch buttons to see "
          "the moment the weights change."),
         [("기울기 ∂E/∂w가 양수이면 가중치는 어느 쪽으로 움직이나요?",
           "작아집니다: 새 w = 이전 w − α·(양수). w를 키우면 오차가 커지므로 반대로 갑니다.",
           "If ∂E/∂w is positive, which way does the weight move?",
           "Down: new w = old w − α·(positive). Raising w would raise the error, so it goes "
           "the other way."),
          ("배치 크기가 4이고 데이터가 4개이면 한 에포크에 가중치는 몇 번 바뀌나요?",
           "한 번입니다. 배치 크기가 1이면 네 번 바뀝니다.",
           "With 4 rows and batch size 4, how many times do the weights change per epoch?",
           "Once. With batch size 1 they change four times.")],
         DataSource(name="xor_gate", train_ratio=1.0), [(2, "sigmoid"), (1, "sigmoid")],
         TrainingSettings(loss="mse", optimizer="sgd", learning_rate=0.5, batch_size=4,
                          init="xavier", seed=2),
         ("math-backprop", "plot-loss", "properties"), 1.0),
    Spec("06-learning-rate",
         ("학습률: 너무 작거나 너무 크면", "Learning rate too small / too large"),
         ("학습률 α는 한 번의 가중치 수정에서 얼마나 내려갈지를 정합니다: 새 w = 이전 w − "
          "α · ∂E/∂w. 너무 작으면 오차가 아주 천천히 줄고, 너무 크면 골짜기를 건너뛰어 오차가 "
          "출렁이거나 발산합니다.\n\n"
          "해 볼 것: 평면 회귀(y = (x1 + x2)/10) 데이터이고 지금 학습률은 0.0001입니다. 학습을 "
          "눌러 손실이 아주 천천히 줄어드는 것을 보세요. 가중치를 초기화한 뒤 0.03으로, 다시 "
          "초기화한 뒤 3으로 바꿔 비교하세요. 3에서는 두 번째 에포크 안에 손실이 무한대로 "
          "커집니다. 각 시도는 손실 그래프에 이전 실행으로 남습니다.",
          "The learning rate α sets how far one weight update steps down: new w = old w − "
          "α · ∂E/∂w. Too small and the error falls very slowly; too large and the step "
          "jumps across the valley, so the error oscillates or diverges.\n\n"
          "Try: the data is a tilted plane (y = (x1 + x2)/10) and the learning rate is now "
          "0.0001. Press Train and see the loss fall only very slowly. Reset the weights, set "
          "0.03, then reset again and set 3, and compare. At 3 the loss grows to infinity "
          "within the second epoch. Each try stays on the loss plot as an earlier run."),
         [("학습률 3에서 손실이 발산하면 시뮬레이터는 무엇을 하나요?",
           "학습을 멈추고 이유를 알려 준 뒤, 마지막으로 유한했던 가중치로 되돌립니다.",
           "What does the simulator do when the loss diverges at learning rate 3?",
           "It stops training, says why, and restores the last finite weights."),
          ("작은 학습률을 에포크를 많이 돌려서 보완할 수 있나요?",
           "어느 정도는 가능하지만 시간이 훨씬 오래 걸리고, 평평한 곳에서는 거의 "
           "움직이지 않습니다.",
           "Can many more epochs make up for a tiny learning rate?",
           "To a point, but it takes far longer, and on flat stretches it barely moves.")],
         DataSource(name="plane", params={"n_points": 300, "noise": 0.0, "seed": 0},
                    train_ratio=0.5), [(4, "tanh"), (1, "linear")],
         TrainingSettings(loss="mse", optimizer="sgd", learning_rate=0.0001, batch_size=10,
                          init="xavier", seed=0, epoch_limit=300),
         ("plot-loss", "hyperparameters", "plot-output"), 30.0),
    Spec("07-overfitting",
         ("오버피팅: 학습 오차와 테스트 오차", "Overfitting: train vs test"),
         ("피팅은 주어진 데이터를 모델링하는 것이고, 주어진 데이터에만 과도하게 맞춘 것이 "
          "오버피팅입니다. 새 데이터(테스트 데이터)에 대한 오차가 커집니다.\n\n"
          "해 볼 것: 점 60개, 잡음 0.35, 큰 신경망(8-8-8)입니다. 학습을 누르고 손실 그래프에서 "
          "학습 손실은 계속 줄지만 테스트 손실은 어느 순간 다시 오르는 것을 보세요. 출력 그림의 "
          "경계가 잡음 점 하나하나를 감싸기 시작합니다. 그다음 점을 늘리거나(데이터 패널), 잡음을 "
          "줄이거나, L2 정규화 또는 조기 종료를 켜서 비교하세요.",
          "Fitting is modelling the data you have; overfitting is fitting it too closely, "
          "so the error on new data (the test data) grows.\n\n"
          "Try: 60 points, noise 0.35, a big network (8-8-8). Press Train and watch the "
          "loss plot: the training loss keeps falling while the test loss turns back up. "
          "The boundary in the output plot starts wrapping single noisy points. Then add "
          "points (data panel), lower the noise, or turn on L2 regularization or early "
          "stopping, and compare."),
         [("오버피팅이 시작된 에포크는 어떻게 알 수 있나요?",
           "테스트 손실이 가장 낮았다가 다시 오르기 시작하는 곳입니다. 조기 종료는 그 지점의 "
           "가중치로 되돌립니다.",
           "How can you tell the epoch where overfitting starts?",
           "Where the test loss is lowest and starts rising again. Early stopping goes back "
           "to the weights of that epoch."),
          ("데이터가 많아지면 오버피팅이 왜 줄어드나요?",
           "잡음은 점마다 제멋대로라 점이 많을수록 평균적으로 상쇄되고, 같은 수의 가중치로 모든 "
           "점을 외우기가 어려워집니다.",
           "Why does more data reduce overfitting?",
           "Noise differs from point to point and averages out over many points, and the "
           "same number of weights can no longer memorize them all.")],
         DataSource(name="circle", params={"n_points": 60, "noise": 0.35, "seed": 0},
                    train_ratio=0.5), [(8, "tanh"), (8, "tanh"), (8, "tanh"), (1, "tanh")],
         TrainingSettings(loss="mse", optimizer="adam", learning_rate=0.03, batch_size=10,
                          init="xavier", seed=0, epoch_limit=2000),
         ("plot-loss", "plot-output", "data", "hyperparameters"), 0.0),
    Spec("08-grid-search",
         ("그리드 서치로 은닉층 구성 고르기", "Choosing the hidden layout by grid search"),
         ("은닉층을 몇 개, 뉴런을 몇 개로 할지는 정해진 답이 없어 시행착오(Trial and Error)로 "
          "찾습니다. 그리드 서치는 후보(예: 층 1~3개 × 뉴런 2, 4, 8개)를 모두 같은 조건으로 "
          "학습시키고 테스트 손실로 비교합니다.\n\n"
          "해 볼 것: 그리드 서치 창을 열고 층 수와 뉴런 수 후보를 고른 뒤 실행하세요. 가장 큰 "
          "신경망이 늘 가장 좋은지 확인해 보세요.",
          "How many hidden layers and neurons to use has no set answer: it is found by trial "
          "and error. A grid search trains every candidate (e.g. 1-3 layers × 2, 4, 8 "
          "neurons) under the same conditions and compares their test losses.\n\n"
          "Try: open the grid search, choose the candidate layer and neuron counts and run "
          "it. Check whether the biggest network is always the best."),
         [("왜 학습 손실이 아니라 테스트 손실로 비교하나요?",
           "학습 손실은 큰 신경망일수록 거의 항상 낮아집니다(외우기). 새 데이터에서의 성능이 "
           "목적이므로 테스트 손실로 골라야 합니다.",
           "Why compare test losses rather than training losses?",
           "Bigger networks nearly always reach a lower training loss (by memorizing). The "
           "aim is new data, so choose by the test loss."),
          ("후보가 층 3가지 × 뉴런 4가지이고 시드를 2개씩 쓰면 몇 번 학습하나요?",
           "3 × 4 × 2 = 24번입니다. 그리드 서치의 비용은 후보 수의 곱으로 늘어납니다.",
           "With 3 layer counts × 4 neuron counts and 2 seeds each, how many trainings?",
           "3 × 4 × 2 = 24. A grid's cost is the product of its candidate counts.")],
         DataSource(name="spiral", params={"n_points": 300, "noise": 0.1, "seed": 0},
                    train_ratio=0.6), [(4, "tanh"), (1, "sigmoid")],
         TrainingSettings(loss="bce", optimizer="adam", learning_rate=0.03, batch_size=10,
                          init="xavier", seed=0, epoch_limit=300),
         ("grid", "plot-loss", "plot-output"), 0.0),
    Spec("09-vanishing-gradient",
         ("기울기 소실: sigmoid 8층과 ReLU", "Vanishing gradient: eight sigmoid layers vs ReLU"),
         ("역전파는 층을 지날 때마다 활성화함수의 도함수를 곱합니다. sigmoid의 도함수는 최대 "
          "1/4이라 8층을 지나면 기울기가 (1/4)⁸ ≈ 0.000015배까지 줄어들 수 있습니다: 오차를 "
          "줄이기 전에 기울기가 먼저 사라집니다.\n\n"
          "해 볼 것: 기울기 그래프를 보며 학습하세요. 앞쪽 층의 기울기 크기가 뒤쪽보다 훨씬 "
          "작습니다. 그다음 은닉층 8개의 활성화함수를 relu로 바꾸고(도함수 1) 다시 학습해 "
          "기울기와 손실 곡선을 비교하세요.",
          "Backpropagation multiplies by the activation's derivative at every layer. The "
          "sigmoid's derivative is at most 1/4, so after 8 layers the gradient can shrink to "
          "(1/4)⁸ ≈ 0.000015 of its size: it vanishes before the error goes down.\n\n"
          "Try: train while watching the gradient plot: the first layers' gradient "
          "magnitudes are far smaller than the last ones'. Then switch the eight hidden "
          "layers to relu (derivative 1) and train again; compare gradients and loss."),
         [("ReLU는 왜 기울기 소실을 줄이나요?",
           "z > 0에서 도함수가 정확히 1이라 층을 지나도 기울기가 줄지 않습니다(가중치만 곱해짐).",
           "Why does ReLU reduce the vanishing gradient?",
           "Its derivative is exactly 1 for z > 0, so passing a layer does not shrink the "
           "gradient (only the weights multiply it)."),
          ("ReLU의 약점은 무엇인가요?",
           "z < 0이면 도함수가 0이라, 입력이 늘 음수인 뉴런은 다시 살아나지 못합니다(죽은 ReLU). "
           "leaky ReLU가 이를 줄입니다.",
           "What is ReLU's weakness?",
           "For z < 0 the derivative is 0, so a neuron whose input is always negative never "
           "recovers (a dead ReLU); leaky ReLU softens this.")],
         DataSource(name="circle", params=CIRCLE, train_ratio=0.5),
         [(6, "sigmoid")] * 8 + [(1, "sigmoid")],
         TrainingSettings(loss="mse", optimizer="sgd", learning_rate=0.1, batch_size=10,
                          init="xavier", seed=0),
         ("plot-gradients", "plot-loss", "properties"), 30.0),
    Spec("10-shallow-deep",
         ("얕은 모형과 깊은 모형, 그리고 설명 가능성", "Shallow vs deep, and explainability"),
         ("얕은 학습(Shallow Learning)은 변수를 그대로 써서 모형을 만듭니다. 여기 데이터는 "
          "y = 0.2 × x1 + 0.8 × x2 (+ 작은 잡음)이고, 지금 신경망은 선형 뉴런 하나(2-1)입니다. "
          "학습하면 가중치가 0.2와 0.8에 다가가서 그대로 읽을 수 있습니다: '변수1의 20%, "
          "변수2의 80%'.\n\n"
          "깊은 신경망은 여러 번의 비선형 변환을 거쳐 피팅은 잘하지만 가중치 하나하나의 뜻을 "
          "읽기 어렵습니다(블랙박스). 해 볼 것: 은닉층(tanh 8개 두 층)을 넣고 다시 학습한 뒤 "
          "설명 창을 여세요. 순열 중요도(특성 하나를 섞었을 때 테스트 오차가 얼마나 커지는지)와 "
          "기울기 × 입력이 x2가 x1보다 중요하다는 것을 되찾아 줍니다(설명 가능한 AI, XAI).",
          "Shallow learning builds the model from the variables as they are. The data here "
          "is y = 0.2 × x1 + 0.8 × x2 (+ a little noise) and the network is one linear "
          "neuron (2-1). After training its weights approach 0.2 and 0.8 and can be read "
          "directly: '20% of variable 1, 80% of variable 2'.\n\n"
          "A deep network fits well through many nonlinear transformations, but its single "
          "weights have no readable meaning (a black box). Try: add hidden layers (two of "
          "8 tanh), train again and open the explanation panel. Permutation importance (how "
          "much the test error grows when one feature is shuffled) and gradient × input "
          "recover that x2 matters more than x1 (explainable AI, XAI)."),
         [("선형 모형의 가중치가 0.2와 0.8이면, x2를 1 늘릴 때 y는 얼마나 바뀌나요?",
           "0.8만큼 늘어납니다. 깊은 신경망에서는 이 값이 입력 위치에 따라 달라져 한 숫자로 "
           "말할 수 없습니다.",
           "With weights 0.2 and 0.8, how much does y change when x2 grows by 1?",
           "By 0.8. In a deep network this depends on where the input is, so no single "
           "number says it."),
          ("분석의 목적이 설명이라면 어떤 모형을 고르나요?",
           "엄선된 적은 변수 하나하나가 중요하고 설명이 필요하면 얕은 모형, 변수가 많고 예측이 "
           "중요하면 딥러닝을 고릅니다.",
           "If the aim of the analysis is explanation, which model do you pick?",
           "A shallow model when a few chosen variables and their explanation matter; deep "
           "learning when there are many features and prediction matters most.")],
         DataSource(kind="imported", name="shallow-deep", train_ratio=0.7),
         [(1, "linear")],
         TrainingSettings(loss="mse", optimizer="sgd", learning_rate=0.03, batch_size=10,
                          init="xavier", seed=0, epoch_limit=500),
         ("explain", "properties", "plot-loss", "data"), 30.0, dataset=_linear_table()),
    Spec("11-cpu-gpu",
         ("CPU와 GPU", "CPU vs GPU"),
         ("딥러닝의 계산은 양이 많지만 하나하나는 단순한 곱셈과 덧셈(행렬곱)이라, 작은 코어가 "
          "아주 많은 GPU가 잘 맞습니다.\n\n"
          "이 앱에 기록된 측정값(docs/benchmarks.md, CPU 코어 2개, NumPy): 텐서플로 "
          "플레이그라운드 기본값(2-4-2-1)은 초당 1 108 에포크, 784-128-64-10은 초당 2 042 "
          "배치(배치 64), 784-512-512-10은 초당 186 배치(배치 256)입니다. 작은 신경망은 연산 "
          "하나하나가 너무 작아서 GPU로 옮겨도 빨라지지 않습니다. 행렬이 클수록 GPU가 "
          "유리합니다.\n\n"
          "아직 GPU 측정값은 없습니다: 이 버전의 수치는 모두 CPU(NumPy) 측정입니다. GPU가 있는 "
          "컴퓨터에서는 하이퍼파라미터 패널의 백엔드를 CuPy로 바꿔 비교할 수 있습니다.",
          "Deep learning needs a great many calculations, but each is a simple multiply and "
          "add (a matrix product), which suits a GPU's very many small cores.\n\n"
          "Figures recorded for this app (docs/benchmarks.md, 2 CPU cores, NumPy): "
          "TensorFlow Playground's default (2-4-2-1) trains 1 108 epochs per second, "
          "784-128-64-10 2 042 batches per second (batch 64), 784-512-512-10 186 batches "
          "per second (batch 256). In a small network every operation is too small to gain "
          "from a GPU; the larger the matrices, the more a GPU helps.\n\n"
          "No GPU measurement exists yet: every figure in this version is a CPU (NumPy) "
          "measurement. On a computer with a GPU, switch the backend in the hyperparameter "
          "panel to CuPy and compare."),
         [("2-4-2-1 신경망은 왜 GPU에서 빨라지지 않을까요?",
           "한 배치가 수십 개의 아주 작은 연산이고, GPU는 연산마다 시작 비용(수 마이크로초)이 "
           "들어 계산 자체보다 그 비용이 더 큽니다.",
           "Why would a 2-4-2-1 network not get faster on a GPU?",
           "A batch is a few dozen tiny operations, and each GPU operation has a start-up "
           "cost of microseconds that outweighs the arithmetic itself.")],
         DataSource(name="circle", params={"n_points": 500, "noise": 0.0, "seed": 0},
                    train_ratio=0.5), [(4, "tanh"), (2, "tanh"), (1, "tanh")],
         TrainingSettings(loss="mse", optimizer="sgd", learning_rate=0.03, batch_size=10,
                          init="xavier", seed=0),
         ("hyperparameters", "plot-loss"), 0.0),
]


def build(spec: Spec) -> tuple[Lesson, Project]:
    layers = {"inputs": spec.inputs, "layers": [{"units": u, "activation": a}
                                                for u, a in spec.layers]}
    doc = Document(layers, spec.settings, spec.source, spec.dataset)
    if doc.spec.to_dict() != layers:
        raise SystemExit(f"{spec.name}: the spec does not fit the data")
    doc.title, doc.description = spec.title[1], spec.text[1]
    questions = tuple(Question({"ko": qk, "en": qe}, {"ko": ak, "en": ae})
                      for qk, ak, qe, ae in spec.questions)
    order = int(spec.name[:2])
    lesson = Lesson(order=order, title={"ko": spec.title[0], "en": spec.title[1]},
                    text={"ko": spec.text[0], "en": spec.text[1]}, project="",
                    open=spec.open, tuck=tuple(k for k in ALL if k not in spec.open),
                    speed=spec.speed, questions=questions)
    return lesson, Project.from_document(doc)


def main(folder: Path = HERE) -> None:
    for spec in LESSONS:
        lesson, project = build(spec)
        path = save_lesson(lesson, folder / f"{spec.name}.lesson.json", project)
        print(f"wrote {path}")


if __name__ == "__main__":
    main()
