<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR" sourcelanguage="en">
  <context>
    <name>ANN Simulator</name>
    <message>
      <location filename="ui/training/bar.py" line="88" />
      <source>  Speed </source>
      <translation>  속도 </translation>
    </message>
    <message>
      <location filename="ui/plots/activation.py" line="133" />
      <source> (shown for one logit against 0)</source>
      <translation> (로짓 하나를 0과 비교해 표시)</translation>
    </message>
    <message>
      <location filename="ui/editor/properties.py" line="208" />
      <source> + {0} biases</source>
      <translation> + 편향 {0}</translation>
    </message>
    <message>
      <location filename="ui/training/panel.py" line="165" />
      <source> epochs</source>
      <translation> 에포크</translation>
    </message>
    <message>
      <location filename="ui/mathviews/matrix.py" line="362" />
      <location filename="ui/mathviews/stepper.py" line="226" />
      <source> of {0}</source>
      <translation> / {0}</translation>
    </message>
    <message>
      <location filename="ui/main_window.py" line="99" />
      <source>&amp;About</source>
      <translation>정보(&amp;A)</translation>
    </message>
    <message>
      <location filename="ui/files/manager.py" line="131" />
      <source>&amp;Copy Screenshot</source>
      <translation>스크린샷 복사(&amp;C)</translation>
    </message>
    <message>
      <location filename="ui/editor/__init__.py" line="83" />
      <source>&amp;Delete layer</source>
      <translation>층 삭제(&amp;D)</translation>
    </message>
    <message>
      <location filename="ui/main_window.py" line="79" />
      <source>&amp;Edit</source>
      <translation>편집(&amp;E)</translation>
    </message>
    <message>
      <location filename="ui/files/manager.py" line="114" />
      <source>&amp;Examples</source>
      <translation>예제(&amp;E)</translation>
    </message>
    <message>
      <location filename="ui/main_window.py" line="78" />
      <source>&amp;File</source>
      <translation>파일(&amp;F)</translation>
    </message>
    <message>
      <location filename="ui/editor/__init__.py" line="88" />
      <source>&amp;Fit to view</source>
      <translation>화면에 맞추기(&amp;F)</translation>
    </message>
    <message>
      <location filename="ui/main_window.py" line="82" />
      <source>&amp;Help</source>
      <translation>도움말(&amp;H)</translation>
    </message>
    <message>
      <location filename="ui/main_window.py" line="92" />
      <source>&amp;Keyboard Shortcuts</source>
      <translation>단축키(&amp;K)</translation>
    </message>
    <message>
      <location filename="ui/main_window.py" line="106" />
      <source>&amp;Language</source>
      <translation>언어(&amp;L)</translation>
    </message>
    <message>
      <location filename="ui/lessons/__init__.py" line="58" />
      <source>&amp;Lessons</source>
      <translation>수업(&amp;L)</translation>
    </message>
    <message>
      <location filename="ui/files/manager.py" line="100" />
      <source>&amp;New</source>
      <translation>새로 만들기(&amp;N)</translation>
    </message>
    <message>
      <location filename="ui/files/manager.py" line="102" />
      <source>&amp;Open…</source>
      <translation>열기(&amp;O)…</translation>
    </message>
    <message>
      <location filename="ui/data/overfit.py" line="140" />
      <source>&amp;Overfitting</source>
      <translation>오버피팅(&amp;O)</translation>
    </message>
    <message>
      <location filename="ui/main_window.py" line="91" />
      <source>&amp;Panels</source>
      <translation>패널(&amp;P)</translation>
    </message>
    <message>
      <location filename="ui/lessons/__init__.py" line="67" />
      <source>&amp;Presentation Mode (big fonts)</source>
      <translation>발표 모드 (큰 글꼴)(&amp;P)</translation>
    </message>
    <message>
      <location filename="ui/files/manager.py" line="108" />
      <source>&amp;Quit</source>
      <translation>끝내기(&amp;Q)</translation>
    </message>
    <message>
      <location filename="ui/main_window.py" line="147" />
      <source>&amp;Redo</source>
      <translation>다시 실행(&amp;R)</translation>
    </message>
    <message>
      <location filename="ui/main_window.py" line="95" />
      <source>&amp;Reset layout</source>
      <translation>레이아웃 초기화(&amp;R)</translation>
    </message>
    <message>
      <location filename="ui/files/manager.py" line="104" />
      <source>&amp;Save</source>
      <translation>저장(&amp;S)</translation>
    </message>
    <message>
      <location filename="ui/main_window.py" line="81" />
      <source>&amp;Train</source>
      <translation>학습(&amp;T)</translation>
    </message>
    <message>
      <location filename="ui/main_window.py" line="146" />
      <source>&amp;Undo</source>
      <translation>실행 취소(&amp;U)</translation>
    </message>
    <message>
      <location filename="ui/main_window.py" line="80" />
      <source>&amp;View</source>
      <translation>보기(&amp;V)</translation>
    </message>
    <message>
      <location filename="ui/engine_text.py" line="26" />
      <source>'{0}' does not exist</source>
      <translation>'{0}' 파일이 없습니다</translation>
    </message>
    <message>
      <location filename="ui/engine_text.py" line="30" />
      <source>'{0}' has no project.json; it is not a project file</source>
      <translation>'{0}'에 project.json이 없습니다: 프로젝트 파일이 아닙니다</translation>
    </message>
    <message>
      <location filename="ui/engine_text.py" line="27" />
      <source>'{0}' is a folder, not a project file</source>
      <translation>'{0}'은(는) 폴더입니다: 프로젝트 파일이 아닙니다</translation>
    </message>
    <message>
      <location filename="ui/engine_text.py" line="29" />
      <source>'{0}' is damaged or truncated ({1})</source>
      <translation>'{0}' 파일이 손상되었거나 잘렸습니다 ({1})</translation>
    </message>
    <message>
      <location filename="ui/engine_text.py" line="28" />
      <source>'{0}' is empty (0 bytes); it is not a project file</source>
      <translation>'{0}'은(는) 비어 있습니다 (0바이트): 프로젝트 파일이 아닙니다</translation>
    </message>
    <message>
      <location filename="ui/engine_text.py" line="23" />
      <source>'{0}' is not a project file: not a zip archive</source>
      <translation>'{0}'은(는) 프로젝트 파일이 아닙니다: zip 압축 파일이 아닙니다</translation>
    </message>
    <message>
      <location filename="ui/engine_text.py" line="24" />
      <source>'{0}' is not a project file: not a zip archive (it looks like JSON; a project is a .annproj zip file)</source>
      <translation>'{0}'은(는) 프로젝트 파일이 아닙니다: zip 압축 파일이 아닙니다 (JSON 파일로 보입니다. 프로젝트는 .annproj zip 파일입니다)</translation>
    </message>
    <message>
      <location filename="ui/engine_text.py" line="31" />
      <source>'{0}' is not an ANN Simulator project (format is {1}, expected {2})</source>
      <translation>'{0}'은(는) 인공신경망 시뮬레이터 프로젝트가 아닙니다 (형식 {1}, 기대한 형식 {2})</translation>
    </message>
    <message>
      <location filename="ui/engine_text.py" line="32" />
      <source>'{0}' was saved by a newer ANN Simulator (format version {1}; this one reads up to {2}); please update</source>
      <translation>'{0}'은(는) 더 새로운 버전의 시뮬레이터로 저장되었습니다 (형식 버전 {1}, 이 버전은 {2}까지 읽음). 프로그램을 업데이트하세요</translation>
    </message>
    <message>
      <location filename="ui/files/manager.py" line="173" />
      <source>(no examples found)</source>
      <translation>(예제 없음)</translation>
    </message>
    <message>
      <location filename="ui/experiments/compare.py" line="74" />
      <source>(no hidden layer)</source>
      <translation>(은닉층 없음)</translation>
    </message>
    <message>
      <location filename="ui/files/manager.py" line="159" />
      <source>(no recent files)</source>
      <translation>(최근 파일 없음)</translation>
    </message>
    <message>
      <location filename="ui/startup.py" line="148" />
      <source>--screenshot: '{0}' must end with .png or .svg</source>
      <translation>--screenshot: '{0}'은(는) .png 또는 .svg로 끝나야 합니다</translation>
    </message>
    <message>
      <location filename="ui/startup.py" line="93" />
      <source>--train-epochs must be 0 or more</source>
      <translation>--train-epochs는 0 이상이어야 합니다</translation>
    </message>
    <message>
      <location filename="ui/experiments/compare.py" line="171" />
      <source>1 = online learning, {0} = full batch</source>
      <translation>1 = 온라인 학습, {0} = 전체 배치</translation>
    </message>
    <message>
      <location filename="simulator/datasets/catalog.py" line="0" />
      <source>1-D regression: y = sin(x) for x in -6 .. 6, plus Gaussian noise with standard deviation = noise.</source>
      <translation>1차원 회귀: x가 -6 .. 6일 때 y = sin(x)에 표준편차가 노이즈인 가우시안 노이즈를 더합니다.</translation>
    </message>
    <message>
      <location filename="simulator/datasets/catalog.py" line="0" />
      <source>1797 handwritten digits as 8 x 8 images (64 pixel values 0 .. 16), 10 classes 0 .. 9. UCI Optical Recognition of Handwritten Digits, CC BY 4.0.</source>
      <translation>손글씨 숫자 1797개를 8 x 8 이미지로(픽셀값 64개, 0 .. 16), 클래스 10개(0 .. 9). UCI Optical Recognition of Handwritten Digits, CC BY 4.0.</translation>
    </message>
    <message>
      <location filename="ui/data/panel.py" line="218" />
      <source>2-D</source>
      <translation>2차원</translation>
    </message>
    <message>
      <location filename="ui/mathviews/stepper.py" line="120" />
      <source>A 2-2-2 sigmoid network with round weights and one sample, to check a calculation done by hand</source>
      <translation>딱 떨어지는 가중치와 표본 하나로 된 2-2-2 시그모이드 신경망: 손으로 한 계산을 확인해 보세요</translation>
    </message>
    <message>
      <location filename="ui/mathviews/gallery.py" line="46" />
      <source>A ReLU with a smooth bend: its slope peaks a little above 1 and is near 1 for positive z, so gradients pass deep networks well.</source>
      <translation>부드럽게 꺾인 ReLU: 기울기가 1보다 조금 큰 값에서 최대가 되고 z가 양수이면 1에 가까워, 깊은 신경망에서도 기울기가 잘 전달됩니다.</translation>
    </message>
    <message>
      <location filename="ui/help_dialogs.py" line="48" />
      <source>A desktop simulator for learning how artificial neural networks work.</source>
      <translation>인공신경망의 동작을 직접 보며 배우는 데스크톱 시뮬레이터입니다.</translation>
    </message>
    <message>
      <location filename="ui/editor/properties.py" line="183" />
      <source>A hidden layer: drag its header to move it.</source>
      <translation>은닉층: 머리글을 끌어서 옮길 수 있습니다.</translation>
    </message>
    <message>
      <location filename="ui/mathviews/gallery.py" line="42" />
      <source>A smooth ReLU whose slope σ(z) lies between 0 and 1 and nears 1 only for large z, so every layer shrinks the gradient somewhat.</source>
      <translation>부드러운 ReLU: 기울기 σ(z)는 0과 1 사이이고 z가 클 때만 1에 가까워지므로, 층마다 기울기가 조금씩 줄어듭니다.</translation>
    </message>
    <message>
      <location filename="simulator/datasets/catalog.py" line="0" />
      <source>AND gate</source>
      <translation>AND 게이트</translation>
    </message>
    <message>
      <location filename="ui/help_dialogs.py" line="47" />
      <source>ANN Simulator</source>
      <translation>인공신경망 시뮬레이터</translation>
    </message>
    <message>
      <location filename="ui/files/manager.py" line="340" />
      <source>ANN Simulator did not close normally. Restore the unsaved project from {0}?</source>
      <translation>ANN Simulator가 정상적으로 종료되지 않았습니다. {0} 시점의 저장되지 않은 프로젝트를 복원할까요?</translation>
    </message>
    <message>
      <location filename="ui/plots/base.py" line="283" />
      <source>ANN Simulator plot</source>
      <translation>ANN 시뮬레이터 그래프</translation>
    </message>
    <message>
      <location filename="ui/files/manager.py" line="298" />
      <source>ANN Simulator projects (*.annproj)</source>
      <translation>ANN Simulator 프로젝트 (*.annproj)</translation>
    </message>
    <message>
      <location filename="ui/files/manager.py" line="80" />
      <source>ANN Simulator projects (*.annproj);;All files (*)</source>
      <translation>ANN Simulator 프로젝트 (*.annproj);;모든 파일 (*)</translation>
    </message>
    <message>
      <location filename="ui/help_dialogs.py" line="65" />
      <source>About ANN Simulator</source>
      <translation>ANN Simulator 정보</translation>
    </message>
    <message>
      <location filename="ui/plots/loss.py" line="56" />
      <location filename="ui/plots/loss.py" line="111" />
      <source>Accuracy</source>
      <translation>정확도</translation>
    </message>
    <message>
      <location filename="ui/plots/loss.py" line="43" />
      <source>Accuracy / R²</source>
      <translation>정확도 / R²</translation>
    </message>
    <message>
      <location filename="ui/editor/properties.py" line="122" />
      <location filename="ui/experiments/grid_dock.py" line="196" />
      <source>Activation</source>
      <translation>활성화</translation>
    </message>
    <message>
      <location filename="ui/lessons/panel.py" line="44" />
      <location filename="ui/plots/__init__.py" line="31" />
      <source>Activation function</source>
      <translation>활성화함수</translation>
    </message>
    <message>
      <location filename="ui/lessons/panel.py" line="46" />
      <location filename="ui/mathviews/__init__.py" line="29" />
      <source>Activation gallery</source>
      <translation>활성화함수 갤러리</translation>
    </message>
    <message>
      <location filename="ui/experiments/grid_dock.py" line="153" />
      <source>Activations</source>
      <translation>활성화함수들</translation>
    </message>
    <message>
      <location filename="ui/labels.py" line="23" />
      <source>Adam</source>
      <translation>Adam</translation>
    </message>
    <message>
      <location filename="ui/plots/output.py" line="118" />
      <location filename="ui/plots/output.py" line="159" />
      <source>Add a hidden layer</source>
      <translation>은닉층 추가</translation>
    </message>
    <message>
      <location filename="ui/editor/scene.py" line="330" />
      <source>Add a neuron</source>
      <translation>뉴런 추가</translation>
    </message>
    <message>
      <location filename="ui/editor/scene.py" line="627" />
      <source>Add neuron</source>
      <translation>뉴런 추가</translation>
    </message>
    <message>
      <location filename="ui/data/panel.py" line="457" />
      <source>Add point</source>
      <translation>점 추가</translation>
    </message>
    <message>
      <location filename="ui/tooltips.py" line="41" />
      <source>All weights 0: every neuron of a layer stays the same (the symmetry problem).</source>
      <translation>모든 가중치가 0: 한 층의 뉴런이 언제까지나 똑같이 계산합니다 (대칭 문제).</translation>
    </message>
    <message>
      <location filename="ui/labels.py" line="27" />
      <source>All zeros</source>
      <translation>모두 0</translation>
    </message>
    <message>
      <location filename="ui/lessons/classroom.py" line="109" />
      <source>Answer</source>
      <translation>답</translation>
    </message>
    <message>
      <location filename="ui/experiments/grid_dock.py" line="619" />
      <source>Applied the configuration with its initial weights (trained weights are not saved with the project)</source>
      <translation>구성을 초기 가중치로 적용했습니다 (학습된 가중치는 프로젝트에 저장되지 않습니다)</translation>
    </message>
    <message>
      <location filename="ui/mathviews/stepper.py" line="295" />
      <source>Apply backpropagation step</source>
      <translation>역전파 한 단계 적용</translation>
    </message>
    <message>
      <location filename="ui/experiments/grid_dock.py" line="615" />
      <source>Apply grid run</source>
      <translation>그리드 실행 적용</translation>
    </message>
    <message>
      <location filename="ui/mathviews/stepper.py" line="150" />
      <source>Apply update</source>
      <translation>업데이트 적용</translation>
    </message>
    <message>
      <location filename="ui/mathviews/matrix.py" line="257" />
      <source>As many rows as the batch size</source>
      <translation>배치 크기만큼의 행</translation>
    </message>
    <message>
      <location filename="ui/data/import_dialog.py" line="89" />
      <location filename="ui/labels.py" line="30" />
      <source>Automatic</source>
      <translation>자동</translation>
    </message>
    <message>
      <location filename="ui/training/panel.py" line="207" />
      <source>Backend</source>
      <translation>백엔드</translation>
    </message>
    <message>
      <location filename="ui/training/bar.py" line="157" />
      <source>Backend: {0}</source>
      <translation>백엔드: {0}</translation>
    </message>
    <message>
      <location filename="ui/lessons/panel.py" line="45" />
      <location filename="ui/mathviews/__init__.py" line="28" />
      <source>Backpropagation step by step</source>
      <translation>역전파 단계별 보기</translation>
    </message>
    <message>
      <location filename="ui/experiments/grid_dock.py" line="197" />
      <source>Batch</source>
      <translation>배치</translation>
    </message>
    <message>
      <location filename="ui/experiments/compare.py" line="66" />
      <location filename="ui/training/panel.py" line="136" />
      <source>Batch size</source>
      <translation>배치 크기</translation>
    </message>
    <message>
      <location filename="ui/mathviews/stepper.py" line="116" />
      <source>Batch size </source>
      <translation>배치 크기 </translation>
    </message>
    <message>
      <location filename="ui/experiments/grid_dock.py" line="155" />
      <location filename="ui/experiments/grid_dock.py" line="300" />
      <source>Batch sizes</source>
      <translation>배치 크기들</translation>
    </message>
    <message>
      <location filename="ui/experiments/grid_dock.py" line="223" />
      <source>Best / worst</source>
      <translation>최고 / 최저</translation>
    </message>
    <message>
      <location filename="ui/editor/properties.py" line="127" />
      <source>Bias</source>
      <translation>편향</translation>
    </message>
    <message>
      <location filename="ui/labels.py" line="21" />
      <source>Binary cross-entropy</source>
      <translation>이진 교차 엔트로피</translation>
    </message>
    <message>
      <location filename="ui/mathviews/gallery.py" line="115" />
      <source>Blue: f(z). Orange, dashed: the slope f′(z), the factor a gradient is multiplied by in each layer it passes back through; the dot marks its largest value.</source>
      <translation>파란 선: f(z). 주황 점선: 기울기 f′(z), 역전파에서 층을 하나 지날 때마다 기울기에 곱해지는 값입니다. 점은 그 최댓값을 표시합니다.</translation>
    </message>
    <message>
      <location filename="ui/experiments/compare.py" line="141" />
      <source>Both start from</source>
      <translation>두 실행의 시작점</translation>
    </message>
    <message>
      <location filename="simulator/datasets/catalog.py" line="0" />
      <source>Breast Cancer Wisconsin (Diagnostic): 30 measurements of cell nuclei from 569 samples; class benign (0) or malignant (1). UCI Machine Learning Repository, CC BY 4.0.</source>
      <translation>위스콘신 유방암(진단) 데이터: 표본 569개의 세포핵 측정값 30개, 클래스는 양성(0) 또는 악성(1). UCI Machine Learning Repository, CC BY 4.0.</translation>
    </message>
    <message>
      <location filename="simulator/datasets/catalog.py" line="0" />
      <source>Breast cancer (Wisconsin)</source>
      <translation>유방암 (위스콘신)</translation>
    </message>
    <message>
      <location filename="ui/data/import_dialog.py" line="78" />
      <source>Browse...</source>
      <translation>찾아보기...</translation>
    </message>
    <message>
      <location filename="ui/data/panel.py" line="66" />
      <source>Bumps</source>
      <translation>봉우리</translation>
    </message>
    <message>
      <location filename="ui/training/bar.py" line="219" />
      <location filename="ui/training/bar.py" line="224" />
      <source>CPU</source>
      <translation>CPU</translation>
    </message>
    <message>
      <location filename="ui/mathviews/stepper.py" line="318" />
      <source>CSV (*.csv)</source>
      <translation>CSV (*.csv)</translation>
    </message>
    <message>
      <location filename="ui/data/import_dialog.py" line="75" />
      <source>CSV file (UTF-8 or CP949; comma, semicolon or tab separated)</source>
      <translation>CSV 파일 (UTF-8 또는 CP949, 쉼표·세미콜론·탭 구분)</translation>
    </message>
    <message>
      <location filename="ui/data/import_dialog.py" line="146" />
      <source>CSV files (*.csv *.tsv *.txt);;All files (*)</source>
      <translation>CSV 파일 (*.csv *.tsv *.txt);;모든 파일 (*)</translation>
    </message>
    <message>
      <location filename="ui/experiments/grid_dock.py" line="631" />
      <source>CSV files (*.csv)</source>
      <translation>CSV 파일 (*.csv)</translation>
    </message>
    <message>
      <location filename="ui/files/manager.py" line="417" />
      <source>CSV table (*.csv)</source>
      <translation>CSV 표 (*.csv)</translation>
    </message>
    <message>
      <location filename="ui/files/manager.py" line="390" />
      <source>CSV tables in a folder (*.csv)</source>
      <translation>폴더 안의 CSV 표 (*.csv)</translation>
    </message>
    <message>
      <location filename="ui/files/manager.py" line="391" />
      <source>CSV tables in a zip (*.zip)</source>
      <translation>zip 안의 CSV 표 (*.zip)</translation>
    </message>
    <message>
      <location filename="ui/mathviews/stepper.py" line="164" />
      <source>CSV…</source>
      <translation>CSV…</translation>
    </message>
    <message>
      <location filename="ui/experiments/compare.py" line="145" />
      <location filename="ui/experiments/grid_dock.py" line="171" />
      <source>Cancel</source>
      <translation>취소</translation>
    </message>
    <message>
      <location filename="ui/experiments/grid_dock.py" line="389" />
      <source>Cancelled after {done} of {total} runs</source>
      <translation>{total}회 중 {done}회 실행 후 취소됨</translation>
    </message>
    <message>
      <location filename="ui/data/panel.py" line="67" />
      <source>Cancer</source>
      <translation>유방암</translation>
    </message>
    <message>
      <location filename="ui/experiments/grid_dock.py" line="509" />
      <source>Cannot draw the run's boundary: {error}</source>
      <translation>이 실행의 결정 경계를 그릴 수 없습니다: {error}</translation>
    </message>
    <message>
      <location filename="ui/files/manager.py" line="472" />
      <source>Cannot export figure bundle</source>
      <translation>그림 묶음을 내보낼 수 없습니다</translation>
    </message>
    <message>
      <location filename="ui/files/manager.py" line="423" />
      <source>Cannot export history</source>
      <translation>학습 기록을 내보낼 수 없습니다</translation>
    </message>
    <message>
      <location filename="ui/files/manager.py" line="406" />
      <source>Cannot export weights</source>
      <translation>가중치를 내보낼 수 없습니다</translation>
    </message>
    <message>
      <location filename="ui/data/import_dialog.py" line="234" />
      <source>Cannot import: {0}</source>
      <translation>가져올 수 없습니다: {0}</translation>
    </message>
    <message>
      <location filename="ui/files/manager.py" line="261" />
      <source>Cannot open example</source>
      <translation>예제를 열 수 없습니다</translation>
    </message>
    <message>
      <location filename="ui/lessons/classroom.py" line="189" />
      <location filename="ui/lessons/panel.py" line="238" />
      <source>Cannot open lesson</source>
      <translation>수업을 열 수 없음</translation>
    </message>
    <message>
      <location filename="ui/files/manager.py" line="241" />
      <location filename="ui/files/manager.py" line="277" />
      <source>Cannot open project</source>
      <translation>프로젝트를 열 수 없습니다</translation>
    </message>
    <message>
      <location filename="ui/files/manager.py" line="352" />
      <source>Cannot restore</source>
      <translation>복원할 수 없습니다</translation>
    </message>
    <message>
      <location filename="ui/lessons/classroom.py" line="161" />
      <location filename="ui/lessons/classroom.py" line="173" />
      <source>Cannot save lesson</source>
      <translation>수업을 저장할 수 없음</translation>
    </message>
    <message>
      <location filename="ui/files/manager.py" line="311" />
      <source>Cannot save project</source>
      <translation>프로젝트를 저장할 수 없습니다</translation>
    </message>
    <message>
      <location filename="ui/files/manager.py" line="448" />
      <source>Cannot save screenshot</source>
      <translation>스크린샷을 저장할 수 없습니다</translation>
    </message>
    <message>
      <location filename="ui/experiments/grid_dock.py" line="639" />
      <source>Cannot write {path}: {error}</source>
      <translation>{path}에 쓸 수 없습니다: {error}</translation>
    </message>
    <message>
      <location filename="ui/editor/controller.py" line="156" />
      <source>Change activation</source>
      <translation>활성화함수 변경</translation>
    </message>
    <message>
      <location filename="ui/training/panel.py" line="230" />
      <source>Change backend</source>
      <translation>백엔드 변경</translation>
    </message>
    <message>
      <location filename="ui/training/panel.py" line="135" />
      <source>Change batch size</source>
      <translation>배치 크기 변경</translation>
    </message>
    <message>
      <location filename="ui/training/panel.py" line="172" />
      <location filename="ui/training/panel.py" line="177" />
      <source>Change early stopping</source>
      <translation>조기 종료 변경</translation>
    </message>
    <message>
      <location filename="ui/training/bar.py" line="86" />
      <source>Change epoch limit</source>
      <translation>최대 에포크 변경</translation>
    </message>
    <message>
      <location filename="ui/editor/controller.py" line="157" />
      <location filename="ui/training/panel.py" line="229" />
      <source>Change initializer</source>
      <translation>초기화 방법 변경</translation>
    </message>
    <message>
      <location filename="ui/editor/controller.py" line="158" />
      <source>Change layer</source>
      <translation>층 변경</translation>
    </message>
    <message>
      <location filename="ui/training/panel.py" line="254" />
      <source>Change learning rate</source>
      <translation>학습률 변경</translation>
    </message>
    <message>
      <location filename="ui/training/panel.py" line="228" />
      <source>Change loss</source>
      <translation>손실함수 변경</translation>
    </message>
    <message>
      <location filename="ui/data/overfit.py" line="65" />
      <source>Change network size</source>
      <translation>신경망 크기 변경</translation>
    </message>
    <message>
      <location filename="ui/editor/controller.py" line="130" />
      <source>Change neurons</source>
      <translation>뉴런 수 변경</translation>
    </message>
    <message>
      <location filename="ui/data/panel.py" line="334" />
      <source>Change noise</source>
      <translation>노이즈 변경</translation>
    </message>
    <message>
      <location filename="ui/data/panel.py" line="451" />
      <source>Change normalization</source>
      <translation>정규화 변경</translation>
    </message>
    <message>
      <location filename="ui/data/panel.py" line="329" />
      <source>Change number of points</source>
      <translation>점 개수 변경</translation>
    </message>
    <message>
      <location filename="ui/training/panel.py" line="228" />
      <source>Change optimizer</source>
      <translation>옵티마이저 변경</translation>
    </message>
    <message>
      <location filename="ui/training/panel.py" line="229" />
      <source>Change regularization</source>
      <translation>규제 변경</translation>
    </message>
    <message>
      <location filename="ui/training/panel.py" line="257" />
      <source>Change regularization rate</source>
      <translation>규제 강도 변경</translation>
    </message>
    <message>
      <location filename="ui/data/panel.py" line="344" />
      <location filename="ui/training/panel.py" line="197" />
      <source>Change seed</source>
      <translation>시드 변경</translation>
    </message>
    <message>
      <location filename="ui/training/bar.py" line="95" />
      <source>Change speed</source>
      <translation>속도 변경</translation>
    </message>
    <message>
      <location filename="ui/mathviews/stepper.py" line="151" />
      <source>Change the network's weights to the new values (w ← w − α·∂E/∂w); undo with Ctrl+Z</source>
      <translation>신경망의 가중치를 새 값으로 바꿉니다 (w ← w − α·∂E/∂w). Ctrl+Z로 되돌릴 수 있습니다</translation>
    </message>
    <message>
      <location filename="ui/training/panel.py" line="266" />
      <source>Change train/test split</source>
      <translation>학습/테스트 분할 변경</translation>
    </message>
    <message>
      <location filename="ui/data/panel.py" line="444" />
      <source>Change training ratio</source>
      <translation>훈련 데이터 비율 변경</translation>
    </message>
    <message>
      <location filename="ui/editor/properties.py" line="133" />
      <location filename="ui/editor/properties.py" line="203" />
      <source>Changing it draws this layer's weights again</source>
      <translation>바꾸면 이 층의 가중치를 새로 뽑습니다</translation>
    </message>
    <message>
      <location filename="ui/training/backend.py" line="54" />
      <source>Checking for a graphics card (GPU)…</source>
      <translation>그래픽 카드(GPU)를 확인하는 중…</translation>
    </message>
    <message>
      <location filename="simulator/datasets/catalog.py" line="0" />
      <source>Chemical analysis of 178 Italian wines from 3 cultivars, 13 measurements each. UCI Machine Learning Repository, CC BY 4.0.</source>
      <translation>이탈리아 와인 178종의 화학 분석: 품종 3개, 와인마다 측정값 13개. UCI Machine Learning Repository, CC BY 4.0.</translation>
    </message>
    <message>
      <location filename="ui/data/panel.py" line="417" />
      <source>Choose data set {0}</source>
      <translation>데이터셋 선택: {0}</translation>
    </message>
    <message>
      <location filename="ui/data/panel.py" line="64" />
      <source>Circle</source>
      <translation>원</translation>
    </message>
    <message>
      <location filename="ui/data/table_model.py" line="76" />
      <source>Class</source>
      <translation>클래스</translation>
    </message>
    <message>
      <location filename="simulator/datasets/catalog.py" line="0" />
      <source>Class 1 in the quadrants where x1 and x2 have the same sign, class 0 in the others: the XOR pattern, which no single line separates.</source>
      <translation>x1과 x2의 부호가 같은 사분면은 클래스 1, 나머지는 클래스 0: 어떤 직선 하나로도 나눌 수 없는 XOR 패턴입니다.</translation>
    </message>
    <message>
      <location filename="simulator/datasets/catalog.py" line="0" />
      <source>Class 1 inside a circle of radius 2.5, class 0 in a ring from 3.5 to 5. Noise moves the point used to pick the label, so labels near the border get mixed.</source>
      <translation>반지름 2.5인 원 안은 클래스 1, 반지름 3.5에서 5 사이의 고리는 클래스 0. 노이즈는 레이블을 정할 때 쓰는 점을 움직이므로 경계 근처의 레이블이 섞입니다.</translation>
    </message>
    <message>
      <location filename="ui/data/plot.py" line="48" />
      <source>Class of the points that a left click adds</source>
      <translation>왼쪽 클릭으로 추가할 점의 클래스</translation>
    </message>
    <message>
      <location filename="ui/data/import_dialog.py" line="90" />
      <source>Classification (classes)</source>
      <translation>분류 (클래스)</translation>
    </message>
    <message>
      <location filename="ui/files/manager.py" line="157" />
      <source>Clear list</source>
      <translation>목록 지우기</translation>
    </message>
    <message>
      <location filename="ui/mathviews/matrix.py" line="412" />
      <location filename="ui/mathviews/matrix.py" line="279" />
      <source>Click a cell of Z to see its weighted sum.</source>
      <translation>Z의 칸을 누르면 그 가중합을 숫자로 보여 줍니다.</translation>
    </message>
    <message>
      <location filename="ui/editor/properties.py" line="163" />
      <source>Click a layer on the canvas to edit it.</source>
      <translation>캔버스에서 층을 클릭하면 편집할 수 있습니다.</translation>
    </message>
    <message>
      <location filename="ui/data/plot.py" line="46" />
      <source>Click adds:</source>
      <translation>클릭 시 추가:</translation>
    </message>
    <message>
      <location filename="ui/experiments/grid_dock.py" line="267" />
      <source>Click: select this run's configuration in the table (double-click there to apply it)</source>
      <translation>클릭: 표에서 이 실행의 설정을 선택합니다 (표에서 더블클릭하면 적용됩니다)</translation>
    </message>
    <message>
      <location filename="ui/files/manager.py" line="109" />
      <source>Close the window (asks about unsaved changes)</source>
      <translation>창 닫기 (저장하지 않은 변경 사항이 있으면 묻습니다)</translation>
    </message>
    <message>
      <location filename="ui/plots/output.py" line="72" />
      <source>Colour the plane by the class the network picks instead of the output's value</source>
      <translation>출력값 대신 신경망이 고른 클래스의 색으로 평면을 칠합니다</translation>
    </message>
    <message>
      <location filename="ui/data/import_dialog.py" line="94" />
      <source>Comma  ,</source>
      <translation>쉼표  ,</translation>
    </message>
    <message>
      <location filename="ui/help_dialogs.py" line="96" />
      <source>Command</source>
      <translation>명령</translation>
    </message>
    <message>
      <location filename="ui/experiments/compare.py" line="111" />
      <source>Compare runs</source>
      <translation>실행 비교</translation>
    </message>
    <message>
      <location filename="ui/experiments/compare.py" line="470" />
      <location filename="ui/experiments/compare.py" line="482" />
      <source>Compare…</source>
      <translation>비교…</translation>
    </message>
    <message>
      <location filename="ui/experiments/compare.py" line="523" />
      <source>Comparing with {0}: both loss curves are on the loss plot.</source>
      <translation>{0}와(과) 비교 중: 두 손실 곡선이 손실 그래프에 함께 그려집니다.</translation>
    </message>
    <message>
      <location filename="ui/explain/panel.py" line="57" />
      <source>Compute</source>
      <translation>계산</translation>
    </message>
    <message>
      <location filename="ui/explain/panel.py" line="104" />
      <source>Computing…</source>
      <translation>계산 중…</translation>
    </message>
    <message>
      <location filename="ui/plots/output.py" line="273" />
      <source>Confusion matrix (train and test)</source>
      <translation>혼동 행렬 (학습 및 테스트)</translation>
    </message>
    <message>
      <location filename="ui/mathviews/stepper.py" line="158" />
      <source>Copy table</source>
      <translation>표 복사</translation>
    </message>
    <message>
      <location filename="ui/training/controller.py" line="192" />
      <source>Could not start the training process ({0}); training in a thread instead.</source>
      <translation>학습 프로세스를 시작할 수 없어({0}) 대신 스레드에서 학습합니다.</translation>
    </message>
    <message>
      <location filename="ui/mathviews/stepper.py" line="327" />
      <source>Could not write {0}: {1}</source>
      <translation>{0}에 쓸 수 없습니다: {1}</translation>
    </message>
    <message>
      <location filename="ui/labels.py" line="21" />
      <source>Cross-entropy (softmax)</source>
      <translation>교차 엔트로피 (softmax)</translation>
    </message>
    <message>
      <location filename="ui/labels.py" line="29" />
      <source>CuPy (GPU)</source>
      <translation>CuPy (GPU)</translation>
    </message>
    <message>
      <location filename="ui/training/backend.py" line="57" />
      <source>CuPy (GPU: {0})</source>
      <translation>CuPy (GPU: {0})</translation>
    </message>
    <message>
      <location filename="ui/engine_text.py" line="39" />
      <source>CuPy is installed but no CUDA device is usable ({0})</source>
      <translation>CuPy는 설치되어 있지만 쓸 수 있는 CUDA 장치가 없습니다 ({0})</translation>
    </message>
    <message>
      <location filename="ui/training/backend.py" line="67" />
      <source>CuPy is installed, but no NVIDIA graphics card (CUDA device) answers: {0}</source>
      <translation>CuPy는 설치되어 있지만 응답하는 NVIDIA 그래픽 카드(CUDA 장치)가 없습니다: {0}</translation>
    </message>
    <message>
      <location filename="ui/experiments/grid_dock.py" line="145" />
      <source>Dask cluster</source>
      <translation>Dask 클러스터</translation>
    </message>
    <message>
      <location filename="ui/data/__init__.py" line="15" />
      <location filename="ui/lessons/panel.py" line="41" />
      <source>Data</source>
      <translation>데이터</translation>
    </message>
    <message>
      <location filename="ui/data/panel.py" line="392" />
      <source>Data not changed: {0}</source>
      <translation>데이터가 바뀌지 않았습니다: {0}</translation>
    </message>
    <message>
      <location filename="ui/help_dialogs.py" line="53" />
      <source>Data tables: iris, wine, breast cancer (Wisconsin) and digits from the UCI Machine Learning Repository, CC BY 4.0, via scikit-learn (BSD-3-Clause); sources in {0}</source>
      <translation>데이터 표: 붓꽃, 와인, 유방암(위스콘신), 손글씨 숫자. UCI 머신러닝 저장소, CC BY 4.0, scikit-learn(BSD-3-Clause)을 통해 가져옴. 출처는 {0}에 있습니다</translation>
    </message>
    <message>
      <location filename="ui/experiments/grid_dock.py" line="516" />
      <source>Decision boundaries are drawn for 2-D data only (this data has {n} inputs).</source>
      <translation>결정 경계는 2차원 데이터에서만 그립니다 (이 데이터의 입력은 {n}개입니다).</translation>
    </message>
    <message>
      <location filename="ui/plots/output.py" line="135" />
      <source>Decision line: {0}</source>
      <translation>결정 경계선: {0}</translation>
    </message>
    <message>
      <location filename="ui/editor/controller.py" line="105" />
      <location filename="ui/editor/scene.py" line="638" />
      <source>Delete layer</source>
      <translation>층 삭제</translation>
    </message>
    <message>
      <location filename="ui/experiments/runs_panel.py" line="35" />
      <source>Delete selected runs</source>
      <translation>선택한 실행 삭제</translation>
    </message>
    <message>
      <location filename="ui/data/import_dialog.py" line="103" />
      <source>Delimiter</source>
      <translation>구분 기호</translation>
    </message>
    <message>
      <location filename="ui/mathviews/stepper.py" line="264" />
      <source>Delta δ = ∂E/∂z</source>
      <translation>델타 δ = ∂E/∂z</translation>
    </message>
    <message>
      <location filename="ui/editor/palette.py" line="132" />
      <source>Dense {0}</source>
      <translation>{0} 은닉층</translation>
    </message>
    <message>
      <location filename="ui/data/import_dialog.py" line="94" />
      <location filename="ui/data/import_dialog.py" line="98" />
      <source>Detect</source>
      <translation>자동 감지</translation>
    </message>
    <message>
      <location filename="ui/training/bar.py" line="158" />
      <source>Device: {0}</source>
      <translation>장치: {0}</translation>
    </message>
    <message>
      <location filename="ui/data/panel.py" line="68" />
      <source>Digits</source>
      <translation>숫자</translation>
    </message>
    <message>
      <location filename="ui/plots/output.py" line="71" />
      <source>Discretize output</source>
      <translation>출력 이산화</translation>
    </message>
    <message>
      <location filename="ui/training/panel.py" line="64" />
      <source>Dismiss</source>
      <translation>닫기</translation>
    </message>
    <message>
      <location filename="ui/tooltips.py" line="27" />
      <source>Divides each step by a running mean of the squared gradients: every weight gets its own step size.</source>
      <translation>각 단계를 기울기 제곱의 이동 평균으로 나눕니다: 가중치마다 자기 보폭을 갖습니다.</translation>
    </message>
    <message>
      <location filename="ui/editor/scene.py" line="499" />
      <source>Double-click to edit</source>
      <translation>더블클릭하여 편집</translation>
    </message>
    <message>
      <location filename="ui/editor/scene.py" line="494" />
      <source>Double-click to edit · Ctrl+click to remove</source>
      <translation>더블클릭하여 편집 · Ctrl+클릭하여 제거</translation>
    </message>
    <message>
      <location filename="ui/editor/scene.py" line="522" />
      <source>Double-click to enlarge the heatmap</source>
      <translation>두 번 클릭하면 히트맵을 크게 봅니다</translation>
    </message>
    <message>
      <location filename="ui/experiments/grid_dock.py" line="191" />
      <source>Double-click: apply this configuration with its best seed's trained weights to the editor (undoable)</source>
      <translation>더블클릭: 이 구성을 가장 좋은 시드의 학습된 가중치와 함께 편집기에 적용합니다 (실행 취소 가능)</translation>
    </message>
    <message>
      <location filename="ui/editor/palette.py" line="142" />
      <source>Drag a layer onto the canvas between two columns. Double-click adds it before the output.</source>
      <translation>층을 캔버스의 두 열 사이로 끌어다 놓으세요. 더블클릭하면 출력층 앞에 추가됩니다.</translation>
    </message>
    <message>
      <location filename="ui/editor/__init__.py" line="89" />
      <source>Drag layers from the palette onto the canvas; drag a layer's header to move it.</source>
      <translation>팔레트의 층을 캔버스로 끌어다 놓고, 층의 머리글을 끌어서 옮기세요.</translation>
    </message>
    <message>
      <location filename="ui/editor/palette.py" line="135" />
      <source>Drag onto the canvas to insert a hidden layer with the {0} activation</source>
      <translation>캔버스로 끌어다 놓으면 활성화함수가 {0}인 은닉층을 삽입합니다</translation>
    </message>
    <message>
      <location filename="ui/editor/items.py" line="310" />
      <source>Drag sideways to move this layer; click to select it</source>
      <translation>좌우로 끌어 이 층을 옮기고, 클릭하여 선택합니다</translation>
    </message>
    <message>
      <location filename="ui/plots/output.py" line="69" />
      <source>Draw the test points (hollow) over the output</source>
      <translation>테스트 점(속이 빈 점)을 출력 위에 그립니다</translation>
    </message>
    <message>
      <location filename="ui/experiments/grid_dock.py" line="503" />
      <source>Drawing the decision boundaries...</source>
      <translation>결정 경계를 그리는 중...</translation>
    </message>
    <message>
      <location filename="ui/tooltips.py" line="74" />
      <source>ELU: like ReLU, but smooth and negative down to −1.</source>
      <translation>ELU: ReLU와 비슷하지만 매끄럽고, 음수 쪽은 −1까지 내려갑니다.</translation>
    </message>
    <message>
      <location filename="ui/experiments/grid_dock.py" line="159" />
      <source>Early stop (patience)</source>
      <translation>조기 종료 (인내 에포크)</translation>
    </message>
    <message>
      <location filename="ui/training/panel.py" line="180" />
      <source>Early stopping</source>
      <translation>조기 종료</translation>
    </message>
    <message>
      <location filename="ui/training/panel.py" line="167" />
      <source>Early stopping: stop when the test loss (without test data: the training loss) has not improved for this many epochs. Guards against overfitting.</source>
      <translation>조기 종료: 테스트 손실(테스트 데이터가 없으면 학습 손실)이 이 에포크 수만큼 나아지지 않으면 학습을 멈춥니다. 과적합을 막아 줍니다.</translation>
    </message>
    <message>
      <location filename="ui/training/bar.py" line="196" />
      <source>Early stopping: the loss has not improved for {0} epochs.</source>
      <translation>조기 종료: 손실이 {0} 에포크 동안 나아지지 않았습니다.</translation>
    </message>
    <message>
      <location filename="ui/editor/controller.py" line="175" />
      <location filename="ui/editor/controller.py" line="205" />
      <location filename="ui/mathviews/matrix.py" line="487" />
      <source>Edit bias</source>
      <translation>편향 편집</translation>
    </message>
    <message>
      <location filename="ui/editor/controller.py" line="171" />
      <location filename="ui/editor/controller.py" line="196" />
      <location filename="ui/mathviews/matrix.py" line="482" />
      <source>Edit weight</source>
      <translation>가중치 편집</translation>
    </message>
    <message>
      <location filename="ui/editor/scene.py" line="647" />
      <source>Edit weight…</source>
      <translation>가중치 편집…</translation>
    </message>
    <message>
      <location filename="ui/data/import_dialog.py" line="183" />
      <source>Encoding {0}, {1}-separated, {2}. First rows:</source>
      <translation>인코딩 {0}, 구분 기호: {1}, {2}. 처음 몇 행:</translation>
    </message>
    <message>
      <location filename="ui/lessons/classroom.py" line="111" />
      <source>English (optional)</source>
      <translation>영어 (선택)</translation>
    </message>
    <message>
      <location filename="ui/experiments/compare.py" line="244" />
      <source>Enter a number above 0 and at most {0}.</source>
      <translation>0보다 크고 {0} 이하인 수를 입력하세요.</translation>
    </message>
    <message>
      <location filename="ui/experiments/grid_dock.py" line="356" />
      <source>Enter the Dask scheduler's address first</source>
      <translation>먼저 Dask 스케줄러 주소를 입력하세요</translation>
    </message>
    <message>
      <location filename="ui/plots/gradients.py" line="42" />
      <location filename="ui/plots/loss.py" line="51" />
      <source>Epoch</source>
      <translation>에포크</translation>
    </message>
    <message>
      <location filename="ui/training/bar.py" line="182" />
      <location filename="ui/training/bar.py" line="183" />
      <source>Epoch {0}</source>
      <translation>에포크 {0}</translation>
    </message>
    <message>
      <location filename="ui/experiments/grid_dock.py" line="158" />
      <source>Epochs per run</source>
      <translation>실행당 에포크</translation>
    </message>
    <message>
      <location filename="ui/training/bar.py" line="72" />
      <source>Epochs trained in this run</source>
      <translation>이번 실행에서 학습한 에포크 수</translation>
    </message>
    <message>
      <location filename="ui/mathviews/stepper.py" line="263" />
      <source>Error E</source>
      <translation>오차 E</translation>
    </message>
    <message>
      <location filename="ui/files/manager.py" line="136" />
      <source>Every plot, the network picture, the config and the weights in one folder</source>
      <translation>모든 그래프, 신경망 그림, 설정, 가중치를 한 폴더에 저장</translation>
    </message>
    <message>
      <location filename="ui/files/manager.py" line="266" />
      <source>Example: {0}</source>
      <translation>예제: {0}</translation>
    </message>
    <message>
      <location filename="simulator/datasets/catalog.py" line="0" />
      <source>Exclusive or (quadrants)</source>
      <translation>XOR (사분면)</translation>
    </message>
    <message>
      <location filename="ui/explain/__init__.py" line="17" />
      <location filename="ui/lessons/panel.py" line="47" />
      <source>Explanation</source>
      <translation>설명</translation>
    </message>
    <message>
      <location filename="ui/mathviews/stepper.py" line="161" />
      <source>Export</source>
      <translation>내보내기</translation>
    </message>
    <message>
      <location filename="ui/files/manager.py" line="135" />
      <source>Export &amp;Figure Bundle…</source>
      <translation>그림 묶음 내보내기(&amp;F)…</translation>
    </message>
    <message>
      <location filename="ui/files/manager.py" line="128" />
      <source>Export &amp;Screenshot</source>
      <translation>스크린샷 내보내기(&amp;S)</translation>
    </message>
    <message>
      <location filename="ui/files/manager.py" line="121" />
      <source>Export &amp;Weights…</source>
      <translation>가중치 내보내기(&amp;W)…</translation>
    </message>
    <message>
      <location filename="ui/experiments/grid_dock.py" line="172" />
      <source>Export CSV...</source>
      <translation>CSV 내보내기...</translation>
    </message>
    <message>
      <location filename="ui/files/manager.py" line="124" />
      <source>Export Training &amp;History (CSV)…</source>
      <translation>학습 기록 내보내기 (CSV)(&amp;H)…</translation>
    </message>
    <message>
      <location filename="ui/files/manager.py" line="458" />
      <source>Export figure bundle into folder</source>
      <translation>그림 묶음을 내보낼 폴더</translation>
    </message>
    <message>
      <location filename="ui/experiments/grid_dock.py" line="630" />
      <source>Export grid results</source>
      <translation>그리드 결과 내보내기</translation>
    </message>
    <message>
      <location filename="ui/plots/base.py" line="289" />
      <source>Export plot</source>
      <translation>그래프 내보내기</translation>
    </message>
    <message>
      <location filename="ui/files/manager.py" line="437" />
      <source>Export screenshot: {0}</source>
      <translation>스크린샷 내보내기: {0}</translation>
    </message>
    <message>
      <location filename="ui/mathviews/stepper.py" line="319" />
      <source>Export step-by-step table</source>
      <translation>단계별 표 내보내기</translation>
    </message>
    <message>
      <location filename="ui/files/manager.py" line="415" />
      <source>Export training history</source>
      <translation>학습 기록 내보내기</translation>
    </message>
    <message>
      <location filename="ui/files/manager.py" line="393" />
      <source>Export weights</source>
      <translation>가중치 내보내기</translation>
    </message>
    <message>
      <location filename="ui/mathviews/stepper.py" line="329" />
      <source>Exported {0}</source>
      <translation>{0}(으)로 내보냈습니다</translation>
    </message>
    <message>
      <location filename="ui/experiments/grid_dock.py" line="642" />
      <source>Exported {path}</source>
      <translation>{path}(으)로 내보냈습니다</translation>
    </message>
    <message>
      <location filename="ui/plots/base.py" line="198" />
      <source>Export…</source>
      <translation>내보내기…</translation>
    </message>
    <message>
      <location filename="simulator/datasets/catalog.py" line="0" />
      <source>Feature table (a, b, c)</source>
      <translation>Feature 표 (a, b, c)</translation>
    </message>
    <message>
      <location filename="ui/data/overfit.py" line="84" />
      <source>Few noisy points and a large network (3 hidden layers of 10): the training loss keeps falling while the test loss rises again</source>
      <translation>잡음 섞인 적은 점과 큰 신경망(10개짜리 은닉층 3개): 학습 손실은 계속 줄지만 테스트 손실은 다시 오릅니다</translation>
    </message>
    <message>
      <location filename="ui/experiments/grid_dock.py" line="419" />
      <source>Finished {done} of {total} runs in {time}</source>
      <translation>{total}회 중 {done}회 실행 완료 ({time})</translation>
    </message>
    <message>
      <location filename="ui/data/import_dialog.py" line="98" />
      <source>First row is the header</source>
      <translation>첫 행이 머리글</translation>
    </message>
    <message>
      <location filename="simulator/datasets/catalog.py" line="0" />
      <source>Fisher's iris flowers: 4 measurements (cm) of 150 flowers, 3 species (50 each). UCI Machine Learning Repository, CC BY 4.0.</source>
      <translation>피셔의 붓꽃 데이터: 꽃 150송이의 측정값 4개(cm), 품종 3개(각 50송이). UCI Machine Learning Repository, CC BY 4.0.</translation>
    </message>
    <message>
      <location filename="ui/plots/output.py" line="264" />
      <source>Fitted curve (test points hollow)</source>
      <translation>적합 곡선 (빈 점: 테스트)</translation>
    </message>
    <message>
      <location filename="ui/data/overfit.py" line="94" />
      <source>Fix: Early Stopping</source>
      <translation>해결: 조기 종료</translation>
    </message>
    <message>
      <location filename="ui/data/overfit.py" line="91" />
      <source>Fix: L2 Regularization</source>
      <translation>해결: L2 정규화</translation>
    </message>
    <message>
      <location filename="ui/data/overfit.py" line="88" />
      <source>Fix: More Data</source>
      <translation>해결: 데이터 늘리기</translation>
    </message>
    <message>
      <location filename="ui/tooltips.py" line="21" />
      <source>For a softmax output layer with one neuron per class.</source>
      <translation>클래스마다 뉴런이 하나인 소프트맥스 출력층에 씁니다.</translation>
    </message>
    <message>
      <location filename="ui/tooltips.py" line="20" />
      <source>For one sigmoid output that is a probability of class 1.</source>
      <translation>클래스 1일 확률을 내는 시그모이드 출력 하나에 씁니다.</translation>
    </message>
    <message>
      <location filename="ui/mathviews/stepper.py" line="186" />
      <source>Formula</source>
      <translation>식</translation>
    </message>
    <message>
      <location filename="ui/mathviews/stepper.py" line="263" />
      <source>Forward propagation</source>
      <translation>순전파</translation>
    </message>
    <message>
      <location filename="ui/mathviews/matrix.py" line="249" />
      <source>From row </source>
      <translation>시작 행 </translation>
    </message>
    <message>
      <location filename="ui/tooltips.py" line="77" />
      <source>GELU: a smooth ReLU used in transformers.</source>
      <translation>GELU: 트랜스포머에서 쓰는 매끄러운 ReLU.</translation>
    </message>
    <message>
      <location filename="ui/experiments/grid_dock.py" line="206" />
      <source>Gap (test - train)</source>
      <translation>차이 (테스트 - 학습)</translation>
    </message>
    <message>
      <location filename="ui/data/panel.py" line="65" />
      <source>Gauss</source>
      <translation>가우시안</translation>
    </message>
    <message>
      <location filename="simulator/datasets/catalog.py" line="0" />
      <source>Gaussian bumps</source>
      <translation>가우시안 봉우리</translation>
    </message>
    <message>
      <location filename="ui/data/overfit.py" line="89" />
      <source>Generate at least 400 points and train again from the same initial weights</source>
      <translation>점을 400개 이상 만들고 같은 초기 가중치에서 다시 학습합니다</translation>
    </message>
    <message>
      <location filename="ui/tooltips.py" line="38" />
      <source>Glorot's scale keeps the signal's spread through sigmoid and tanh layers.</source>
      <translation>Glorot의 크기 조정: 시그모이드·tanh 층을 지나도 신호의 퍼짐이 유지됩니다.</translation>
    </message>
    <message>
      <location filename="ui/labels.py" line="22" />
      <source>Gradient descent (SGD)</source>
      <translation>경사하강법 (SGD)</translation>
    </message>
    <message>
      <location filename="ui/tooltips.py" line="25" />
      <source>Gradient descent with a velocity v that keeps part of the earlier steps: it rolls through small dips.</source>
      <translation>이전 단계의 일부를 간직하는 속도 v를 더한 경사하강법: 작은 웅덩이를 굴러서 지나갑니다.</translation>
    </message>
    <message>
      <location filename="ui/tooltips.py" line="24" />
      <source>Gradient descent: a step against the gradient g = ∂E/∂w.</source>
      <translation>경사하강법: 기울기 g = ∂E/∂w의 반대 방향으로 한 걸음.</translation>
    </message>
    <message>
      <location filename="ui/lessons/panel.py" line="43" />
      <location filename="ui/plots/__init__.py" line="30" />
      <source>Gradient magnitudes</source>
      <translation>기울기 크기</translation>
    </message>
    <message>
      <location filename="ui/explain/panel.py" line="72" />
      <source>Gradient × input of the sample</source>
      <translation>샘플의 기울기 × 입력</translation>
    </message>
    <message>
      <location filename="ui/mathviews/stepper.py" line="264" />
      <source>Gradients</source>
      <translation>기울기</translation>
    </message>
    <message>
      <location filename="ui/experiments/grid_dock.py" line="665" />
      <location filename="ui/lessons/panel.py" line="46" />
      <source>Grid search</source>
      <translation>그리드 탐색</translation>
    </message>
    <message>
      <location filename="ui/mathviews/matrix.py" line="376" />
      <source>H of {0}</source>
      <translation>{0}의 H</translation>
    </message>
    <message>
      <location filename="simulator/datasets/catalog.py" line="0" />
      <source>Handwritten digits 8x8</source>
      <translation>손글씨 숫자 8x8</translation>
    </message>
    <message>
      <location filename="ui/labels.py" line="26" />
      <source>He</source>
      <translation>He</translation>
    </message>
    <message>
      <location filename="ui/tooltips.py" line="40" />
      <source>He's scale, made for ReLU layers.</source>
      <translation>He의 크기 조정: ReLU 층을 위해 만들어졌습니다.</translation>
    </message>
    <message>
      <location filename="ui/data/import_dialog.py" line="104" />
      <source>Header</source>
      <translation>머리글</translation>
    </message>
    <message>
      <location filename="ui/experiments/grid_dock.py" line="222" />
      <source>Heatmap</source>
      <translation>히트맵</translation>
    </message>
    <message>
      <location filename="ui/experiments/compare.py" line="64" />
      <source>Hidden activation</source>
      <translation>은닉층 활성화함수</translation>
    </message>
    <message>
      <location filename="ui/experiments/grid_dock.py" line="152" />
      <source>Hidden layouts</source>
      <translation>은닉층 구성</translation>
    </message>
    <message>
      <location filename="ui/editor/scene.py" line="253" />
      <location filename="ui/mathviews/cells.py" line="35" />
      <location filename="ui/plots/base.py" line="56" />
      <source>Hidden {0}</source>
      <translation>은닉층 {0}</translation>
    </message>
    <message>
      <location filename="ui/lessons/panel.py" line="85" />
      <source>Hide answer</source>
      <translation>답 숨기기</translation>
    </message>
    <message>
      <location filename="ui/lessons/classroom.py" line="115" />
      <source>Hide these controls from students</source>
      <translation>학생에게 숨길 컨트롤</translation>
    </message>
    <message>
      <location filename="ui/files/manager.py" line="425" />
      <source>History exported to {0}</source>
      <translation>학습 기록을 내보냈습니다: {0}</translation>
    </message>
    <message>
      <location filename="ui/tooltips.py" line="70" />
      <source>Hyperbolic tangent: like the sigmoid, but from −1 to 1 and centred at 0.</source>
      <translation>쌍곡탄젠트: 시그모이드와 비슷하지만 −1에서 1까지이고 0이 중심입니다.</translation>
    </message>
    <message>
      <location filename="ui/lessons/panel.py" line="42" />
      <location filename="ui/training/bar.py" line="241" />
      <source>Hyperparameters</source>
      <translation>하이퍼파라미터</translation>
    </message>
    <message>
      <location filename="ui/editor/scene.py" line="266" />
      <location filename="ui/plots/base.py" line="55" />
      <source>H{0}</source>
      <translation>은닉{0}</translation>
    </message>
    <message>
      <location filename="ui/data/import_dialog.py" line="129" />
      <source>Import</source>
      <translation>가져오기</translation>
    </message>
    <message>
      <location filename="ui/data/__init__.py" line="17" />
      <source>Import &amp;CSV...</source>
      <translation>CSV 가져오기(&amp;C)...</translation>
    </message>
    <message>
      <location filename="ui/data/import_dialog.py" line="64" />
      <location filename="ui/data/import_dialog.py" line="145" />
      <source>Import CSV</source>
      <translation>CSV 가져오기</translation>
    </message>
    <message>
      <location filename="ui/data/panel.py" line="258" />
      <source>Import CSV...</source>
      <translation>CSV 가져오기...</translation>
    </message>
    <message>
      <location filename="ui/data/panel.py" line="497" />
      <source>Import {0}</source>
      <translation>{0} 가져오기</translation>
    </message>
    <message>
      <location filename="ui/data/panel.py" line="533" />
      <source>Imported: {0}</source>
      <translation>가져옴: {0}</translation>
    </message>
    <message>
      <location filename="ui/editor/scene.py" line="262" />
      <source>In</source>
      <translation>입력</translation>
    </message>
    <message>
      <location filename="ui/editor/properties.py" line="135" />
      <location filename="ui/training/panel.py" line="139" />
      <source>Initializer</source>
      <translation>초기화 방법</translation>
    </message>
    <message>
      <location filename="ui/editor/properties.py" line="174" />
      <location filename="ui/editor/scene.py" line="247" />
      <source>Input</source>
      <translation>입력층</translation>
    </message>
    <message>
      <location filename="ui/plots/output.py" line="137" />
      <source>Input (4, 3, 2): {0}</source>
      <translation>입력 (4, 3, 2): {0}</translation>
    </message>
    <message>
      <location filename="ui/data/table_model.py" line="66" />
      <source>Input feature</source>
      <translation>입력 특성</translation>
    </message>
    <message>
      <location filename="ui/editor/scene.py" line="374" />
      <source>Input feature {0} is off: click to switch it on</source>
      <translation>입력 특성 {0} 꺼짐: 클릭하면 켭니다</translation>
    </message>
    <message>
      <location filename="ui/editor/scene.py" line="373" />
      <source>Input feature {0} is on: click to switch it off</source>
      <translation>입력 특성 {0} 사용 중: 클릭하면 끕니다</translation>
    </message>
    <message>
      <location filename="ui/data/panel.py" line="520" />
      <source>Inputs reach {0:g}: such large values saturate tanh and sigmoid units, so the network learns little. Standardize them.</source>
      <translation>입력값이 {0:g}까지 커집니다. 이렇게 큰 값은 tanh와 시그모이드 뉴런을 포화시켜 신경망이 거의 학습하지 못합니다. 입력을 표준화하세요.</translation>
    </message>
    <message>
      <location filename="ui/plots/output.py" line="119" />
      <source>Insert a tanh hidden layer, make the output sigmoid and train with sgd at a learning rate of at least 0.1 (undoable)</source>
      <translation>tanh 은닉층을 넣고 출력층 활성화함수를 sigmoid로 바꾼 뒤 학습률 0.1 이상의 sgd로 학습합니다 (실행 취소 가능)</translation>
    </message>
    <message>
      <location filename="ui/editor/controller.py" line="98" />
      <source>Insert layer</source>
      <translation>층 삽입</translation>
    </message>
    <message>
      <location filename="ui/editor/scene.py" line="635" />
      <source>Insert layer after</source>
      <translation>뒤에 층 삽입</translation>
    </message>
    <message>
      <location filename="ui/editor/scene.py" line="632" />
      <source>Insert layer before</source>
      <translation>앞에 층 삽입</translation>
    </message>
    <message>
      <location filename="ui/data/panel.py" line="67" />
      <source>Iris</source>
      <translation>붓꽃</translation>
    </message>
    <message>
      <location filename="simulator/datasets/catalog.py" line="0" />
      <source>Iris flowers</source>
      <translation>붓꽃</translation>
    </message>
    <message>
      <location filename="ui/mathviews/gallery.py" line="29" />
      <source>Its slope is 0 everywhere, so no gradient passes back at all: only the perceptron rule can train it.</source>
      <translation>기울기가 어디서나 0이라 역전파로 전달되는 기울기가 전혀 없습니다. 퍼셉트론 규칙으로만 학습할 수 있습니다.</translation>
    </message>
    <message>
      <location filename="ui/mathviews/gallery.py" line="31" />
      <source>Its slope is at most 0.25, so each layer cuts the gradient to a quarter or less: after 10 layers at most 0.25^10 ≈ 0.000001 is left, the vanishing gradient.</source>
      <translation>기울기가 최대 0.25라서 층을 하나 지날 때마다 기울기가 4분의 1 이하로 줄어듭니다. 10개 층을 지나면 많아야 0.25^10 ≈ 0.000001만 남습니다: 기울기 소실입니다.</translation>
    </message>
    <message>
      <location filename="ui/files/manager.py" line="389" />
      <source>JSON (*.json)</source>
      <translation>JSON (*.json)</translation>
    </message>
    <message>
      <location filename="ui/help_dialogs.py" line="92" />
      <source>Keyboard shortcuts</source>
      <translation>단축키</translation>
    </message>
    <message>
      <location filename="ui/help_dialogs.py" line="96" />
      <source>Keys</source>
      <translation>키</translation>
    </message>
    <message>
      <location filename="ui/lessons/classroom.py" line="110" />
      <source>Korean (optional)</source>
      <translation>한국어 (선택)</translation>
    </message>
    <message>
      <location filename="ui/help_dialogs.py" line="51" />
      <source>Korean font: NanumGothic, © 2010 NAVER Corporation, SIL Open Font License 1.1 ({0})</source>
      <translation>한글 글꼴: 나눔고딕, © 2010 NAVER Corporation, SIL Open Font License 1.1 ({0})</translation>
    </message>
    <message>
      <location filename="ui/labels.py" line="28" />
      <source>L1</source>
      <translation>L1</translation>
    </message>
    <message>
      <location filename="ui/labels.py" line="28" />
      <source>L2</source>
      <translation>L2</translation>
    </message>
    <message>
      <location filename="ui/mathviews/matrix.py" line="261" />
      <location filename="ui/plots/activation.py" line="35" />
      <source>Layer</source>
      <translation>층</translation>
    </message>
    <message>
      <location filename="ui/editor/__init__.py" line="67" />
      <location filename="ui/lessons/panel.py" line="41" />
      <source>Layer properties</source>
      <translation>층 속성</translation>
    </message>
    <message>
      <location filename="ui/plots/activation.py" line="32" />
      <source>Layer whose activation function is shown</source>
      <translation>활성화함수를 표시할 층</translation>
    </message>
    <message>
      <location filename="ui/plots/gradients.py" line="109" />
      <location filename="ui/plots/weights.py" line="67" />
      <source>Layer {0}</source>
      <translation>층 {0}</translation>
    </message>
    <message>
      <location filename="ui/editor/__init__.py" line="66" />
      <location filename="ui/lessons/panel.py" line="41" />
      <source>Layers</source>
      <translation>층 종류</translation>
    </message>
    <message>
      <location filename="ui/experiments/grid_dock.py" line="196" />
      <source>Layout</source>
      <translation>구성</translation>
    </message>
    <message>
      <location filename="ui/main_window.py" line="217" />
      <source>Layout reset to the default</source>
      <translation>레이아웃을 기본값으로 되돌렸습니다</translation>
    </message>
    <message>
      <location filename="ui/tooltips.py" line="73" />
      <source>Leaky ReLU: like ReLU, with a small slope for negative z.</source>
      <translation>Leaky ReLU: ReLU와 같지만 음수 z에서 작은 기울기가 있습니다.</translation>
    </message>
    <message>
      <location filename="ui/experiments/grid_dock.py" line="197" />
      <source>Learning rate</source>
      <translation>학습률</translation>
    </message>
    <message>
      <location filename="ui/experiments/compare.py" line="64" />
      <location filename="ui/training/panel.py" line="129" />
      <source>Learning rate α</source>
      <translation>학습률 α</translation>
    </message>
    <message>
      <location filename="ui/experiments/grid_dock.py" line="154" />
      <location filename="ui/experiments/grid_dock.py" line="299" />
      <source>Learning rates</source>
      <translation>학습률들</translation>
    </message>
    <message>
      <location filename="ui/data/panel.py" line="216" />
      <source>Lecture</source>
      <translation>강의</translation>
    </message>
    <message>
      <location filename="ui/lessons/classroom.py" line="175" />
      <source>Lesson saved: {0}</source>
      <translation>수업 저장됨: {0}</translation>
    </message>
    <message>
      <location filename="ui/lessons/panel.py" line="249" />
      <source>Lesson: {0}</source>
      <translation>수업: {0}</translation>
    </message>
    <message>
      <location filename="ui/lessons/__init__.py" line="55" />
      <location filename="ui/lessons/panel.py" line="53" />
      <source>Lessons</source>
      <translation>수업</translation>
    </message>
    <message>
      <location filename="ui/lessons/classroom.py" line="165" />
      <location filename="ui/lessons/classroom.py" line="183" />
      <source>Lessons (*.lesson.json)</source>
      <translation>수업 파일 (*.lesson.json)</translation>
    </message>
    <message>
      <location filename="ui/help_dialogs.py" line="50" />
      <source>Licences</source>
      <translation>라이선스</translation>
    </message>
    <message>
      <location filename="ui/mathviews/gallery.py" line="38" />
      <source>Like ReLU, slope 1 for z &gt; 0, and 0.01 instead of 0 for z &lt; 0, so no unit stops learning for good.</source>
      <translation>ReLU처럼 z &gt; 0에서 기울기가 1이고, z &lt; 0에서도 0 대신 0.01이라 학습을 아예 멈추는 뉴런이 없습니다.</translation>
    </message>
    <message>
      <location filename="ui/tooltips.py" line="78" />
      <source>Linear (identity): for regression outputs.</source>
      <translation>선형(항등) 함수: 회귀 출력에 씁니다.</translation>
    </message>
    <message>
      <location filename="ui/mathviews/stepper.py" line="119" />
      <location filename="ui/mathviews/stepper.py" line="303" />
      <source>Load worked example</source>
      <translation>풀이 예제 불러오기</translation>
    </message>
    <message>
      <location filename="ui/experiments/grid_dock.py" line="144" />
      <source>Local processes</source>
      <translation>로컬 프로세스</translation>
    </message>
    <message>
      <location filename="ui/plots/loss.py" line="40" />
      <source>Log scale</source>
      <translation>로그 눈금</translation>
    </message>
    <message>
      <location filename="ui/plots/loss.py" line="41" />
      <source>Logarithmic loss axis: shows progress when the loss is small</source>
      <translation>손실 축을 로그 눈금으로: 손실이 작을 때도 변화가 보입니다</translation>
    </message>
    <message>
      <location filename="ui/experiments/compare.py" line="67" />
      <location filename="ui/lessons/panel.py" line="43" />
      <location filename="ui/plots/__init__.py" line="29" />
      <location filename="ui/plots/loss.py" line="52" />
      <location filename="ui/training/panel.py" line="111" />
      <source>Loss</source>
      <translation>손실</translation>
    </message>
    <message>
      <location filename="ui/mathviews/stepper.py" line="236" />
      <source>Loss {0}, learning rate α = {1}, E = {2}. Apply is plain gradient descent on this data loss, as in the lecture.</source>
      <translation>손실 {0}, 학습률 α = {1}, E = {2}. 적용은 강의에서처럼 이 오차에 대한 경사하강법 한 단계입니다.</translation>
    </message>
    <message>
      <location filename="ui/mathviews/stepper.py" line="318" />
      <source>Markdown (*.md)</source>
      <translation>Markdown (*.md)</translation>
    </message>
    <message>
      <location filename="ui/mathviews/stepper.py" line="165" />
      <source>Markdown…</source>
      <translation>Markdown…</translation>
    </message>
    <message>
      <location filename="ui/lessons/panel.py" line="45" />
      <location filename="ui/mathviews/__init__.py" line="26" />
      <source>Matrix view</source>
      <translation>행렬 보기</translation>
    </message>
    <message>
      <location filename="ui/tooltips.py" line="18" />
      <source>Mean of the squared differences between target t and output o.</source>
      <translation>목표값 t와 출력 o의 차이를 제곱해 평균한 값.</translation>
    </message>
    <message>
      <location filename="ui/labels.py" line="20" />
      <source>Mean squared error (MSE)</source>
      <translation>평균 제곱 오차 (MSE)</translation>
    </message>
    <message>
      <location filename="ui/data/panel.py" line="223" />
      <source>Measured tables with more inputs and classes</source>
      <translation>입력과 클래스가 더 많은 실측 데이터</translation>
    </message>
    <message>
      <location filename="ui/data/panel.py" line="359" />
      <source>Min-max (0 to 1)</source>
      <translation>최소-최대 (0~1)</translation>
    </message>
    <message>
      <location filename="ui/labels.py" line="22" />
      <source>Momentum</source>
      <translation>모멘텀</translation>
    </message>
    <message>
      <location filename="ui/tooltips.py" line="29" />
      <source>Momentum and RMSProp together, with a correction for the first steps.</source>
      <translation>모멘텀과 RMSProp을 합치고, 처음 몇 단계를 보정합니다.</translation>
    </message>
    <message>
      <location filename="ui/data/panel.py" line="65" />
      <source>Moons</source>
      <translation>반달</translation>
    </message>
    <message>
      <location filename="ui/editor/controller.py" line="118" />
      <source>Move layer</source>
      <translation>층 이동</translation>
    </message>
    <message>
      <location filename="simulator/datasets/catalog.py" line="0" />
      <source>NAND gate</source>
      <translation>NAND 게이트</translation>
    </message>
    <message>
      <location filename="ui/editor/properties.py" line="111" />
      <source>Name</source>
      <translation>이름</translation>
    </message>
    <message>
      <location filename="ui/data/panel.py" line="375" />
      <source>Network</source>
      <translation>신경망</translation>
    </message>
    <message>
      <location filename="ui/files/screenshots.py" line="178" />
      <source>Network canvas</source>
      <translation>신경망 캔버스</translation>
    </message>
    <message>
      <location filename="ui/data/overfit.py" line="68" />
      <source>Network not changed: {0}</source>
      <translation>신경망이 바뀌지 않았습니다: {0}</translation>
    </message>
    <message>
      <location filename="ui/lessons/panel.py" line="42" />
      <location filename="ui/plots/__init__.py" line="28" />
      <source>Network output</source>
      <translation>신경망 출력</translation>
    </message>
    <message>
      <location filename="ui/data/overfit.py" line="39" />
      <source>Network size: hidden layers, and units in each of them. More of either means more weights, which can memorize noisy points.</source>
      <translation>신경망 크기: 은닉층 수와 층마다의 뉴런 수. 어느 쪽이든 늘리면 가중치가 많아져 잡음 섞인 점까지 외울 수 있습니다.</translation>
    </message>
    <message>
      <location filename="ui/editor/neuron_view.py" line="132" />
      <source>Neuron {0}</source>
      <translation>뉴런 {0}</translation>
    </message>
    <message>
      <location filename="ui/editor/palette.py" line="128" />
      <location filename="ui/editor/properties.py" line="116" />
      <source>Neurons</source>
      <translation>뉴런 수</translation>
    </message>
    <message>
      <location filename="ui/editor/palette.py" line="127" />
      <source>Neurons of a newly inserted layer</source>
      <translation>새로 삽입할 층의 뉴런 수</translation>
    </message>
    <message>
      <location filename="ui/editor/controller.py" line="206" />
      <source>New bias of this neuron:</source>
      <translation>이 뉴런의 새 편향:</translation>
    </message>
    <message>
      <location filename="ui/experiments/compare.py" line="128" />
      <source>New initial weights (seed {0})</source>
      <translation>새 초기 가중치 (시드 {0})</translation>
    </message>
    <message>
      <location filename="ui/training/bar.py" line="67" />
      <source>New initial weights for the seed; the run starts again</source>
      <translation>시드에 따라 초기 가중치를 새로 정하고 처음부터 다시 시작합니다</translation>
    </message>
    <message>
      <location filename="ui/experiments/compare.py" line="132" />
      <source>New initial weights: the current run is kept as a run and both start at epoch 0 (to compare whole learning curves). Current weights: both go on from here.</source>
      <translation>새 초기 가중치: 지금까지의 실행은 실행 기록에 보관되고, 두 실행 모두 에포크 0부터 시작합니다(학습 곡선 전체를 비교). 현재 가중치: 두 실행 모두 지금 상태에서 이어서 학습합니다.</translation>
    </message>
    <message>
      <location filename="ui/files/manager.py" line="224" />
      <source>New project</source>
      <translation>새 프로젝트</translation>
    </message>
    <message>
      <location filename="ui/data/panel.py" line="346" />
      <source>New random points (the next seed)</source>
      <translation>새 무작위 점 (다음 시드)</translation>
    </message>
    <message>
      <location filename="ui/experiments/compare.py" line="140" />
      <source>New value</source>
      <translation>새 값</translation>
    </message>
    <message>
      <location filename="ui/editor/controller.py" line="197" />
      <source>New weight of this connection:</source>
      <translation>이 연결의 새 가중치:</translation>
    </message>
    <message>
      <location filename="ui/lessons/panel.py" line="117" />
      <location filename="ui/mathviews/stepper.py" line="148" />
      <source>Next ▶</source>
      <translation>다음 ▶</translation>
    </message>
    <message>
      <location filename="ui/data/import_dialog.py" line="99" />
      <source>No header row</source>
      <translation>머리글 행 없음</translation>
    </message>
    <message>
      <location filename="ui/editor/properties.py" line="162" />
      <source>No layer selected</source>
      <translation>선택된 층 없음</translation>
    </message>
    <message>
      <location filename="ui/tooltips.py" line="45" />
      <source>No penalty: the loss E alone.</source>
      <translation>벌점 없음: 손실 E만 씁니다.</translation>
    </message>
    <message>
      <location filename="ui/editor/neuron_view.py" line="140" />
      <source>No picture: heatmaps need data with two inputs (a plane), and this neuron must be one of the first {0} of its layer.</source>
      <translation>그림 없음: 히트맵은 입력이 두 개인(평면) 데이터에서만 그려지고, 이 뉴런이 층의 처음 {0}개 안에 있어야 합니다.</translation>
    </message>
    <message>
      <location filename="ui/mathviews/stepper.py" line="272" />
      <source>No step-by-step table</source>
      <translation>단계별 표 없음</translation>
    </message>
    <message>
      <location filename="ui/files/manager.py" line="413" />
      <source>No training history yet: train first.</source>
      <translation>아직 학습 기록이 없습니다: 먼저 학습하세요.</translation>
    </message>
    <message>
      <location filename="ui/data/panel.py" line="367" />
      <source>Noise</source>
      <translation>노이즈</translation>
    </message>
    <message>
      <location filename="ui/data/panel.py" line="331" />
      <source>Noise: how much the points stray from the pattern</source>
      <translation>노이즈: 점이 패턴에서 벗어나는 정도</translation>
    </message>
    <message>
      <location filename="ui/data/panel.py" line="358" />
      <location filename="ui/labels.py" line="28" />
      <source>None</source>
      <translation>없음</translation>
    </message>
    <message>
      <location filename="ui/labels.py" line="26" />
      <source>Normal</source>
      <translation>정규분포</translation>
    </message>
    <message>
      <location filename="ui/data/panel.py" line="370" />
      <source>Normalize</source>
      <translation>정규화</translation>
    </message>
    <message>
      <location filename="ui/training/backend.py" line="69" />
      <source>Not available on this computer: {0}</source>
      <translation>이 컴퓨터에서는 사용할 수 없습니다: {0}</translation>
    </message>
    <message>
      <location filename="ui/editor/controller.py" line="44" />
      <source>Not changed: {0}</source>
      <translation>변경되지 않음: {0}</translation>
    </message>
    <message>
      <location filename="ui/plots/output.py" line="114" />
      <source>Not linearly separable: no single straight line splits the classes, so a single-layer network never reaches 100 %.</source>
      <translation>선형 분리 불가능: 직선 하나로는 두 클래스를 나눌 수 없어 단층 신경망은 정확도 100 %에 도달하지 못합니다.</translation>
    </message>
    <message>
      <location filename="ui/experiments/compare.py" line="139" />
      <source>Now</source>
      <translation>현재 값</translation>
    </message>
    <message>
      <location filename="ui/labels.py" line="29" />
      <source>NumPy (CPU)</source>
      <translation>NumPy (CPU)</translation>
    </message>
    <message>
      <location filename="ui/files/manager.py" line="389" />
      <source>NumPy archive (*.npz)</source>
      <translation>NumPy 압축 파일 (*.npz)</translation>
    </message>
    <message>
      <location filename="ui/data/panel.py" line="326" />
      <source>Number of generated points</source>
      <translation>생성할 점의 개수</translation>
    </message>
    <message>
      <location filename="ui/files/manager.py" line="392" />
      <source>ONNX model (*.onnx)</source>
      <translation>ONNX 모델 (*.onnx)</translation>
    </message>
    <message>
      <location filename="simulator/datasets/catalog.py" line="0" />
      <source>OR gate</source>
      <translation>OR 게이트</translation>
    </message>
    <message>
      <location filename="ui/training/panel.py" line="174" />
      <source>On early stopping, go back to the weights of the epoch with the lowest loss</source>
      <translation>조기 종료 때 손실이 가장 낮았던 에포크의 가중치로 되돌립니다</translation>
    </message>
    <message>
      <location filename="ui/mathviews/matrix.py" line="256" />
      <source>One batch</source>
      <translation>배치 하나</translation>
    </message>
    <message>
      <location filename="ui/lessons/__init__.py" line="61" />
      <source>One lesson per lecture topic: text, questions and a prepared project</source>
      <translation>강의 주제마다 수업 하나: 설명, 질문, 준비된 프로젝트</translation>
    </message>
    <message>
      <location filename="ui/mathviews/matrix.py" line="254" />
      <source>One sample</source>
      <translation>표본 하나</translation>
    </message>
    <message>
      <location filename="ui/lessons/__init__.py" line="84" />
      <source>Open &amp;Lesson…</source>
      <translation>수업 열기(&amp;L)…</translation>
    </message>
    <message>
      <location filename="ui/files/manager.py" line="112" />
      <source>Open &amp;Recent</source>
      <translation>최근 파일 열기(&amp;R)</translation>
    </message>
    <message>
      <location filename="ui/files/manager.py" line="103" />
      <source>Open a project file (.annproj)</source>
      <translation>프로젝트 파일 열기 (.annproj)</translation>
    </message>
    <message>
      <location filename="ui/lessons/classroom.py" line="182" />
      <location filename="ui/lessons/panel.py" line="118" />
      <source>Open lesson</source>
      <translation>수업 열기</translation>
    </message>
    <message>
      <location filename="ui/files/manager.py" line="79" />
      <source>Open project</source>
      <translation>프로젝트 열기</translation>
    </message>
    <message>
      <location filename="ui/files/manager.py" line="251" />
      <source>Opened {0}</source>
      <translation>열었습니다: {0}</translation>
    </message>
    <message>
      <location filename="ui/experiments/compare.py" line="65" />
      <location filename="ui/experiments/grid_dock.py" line="198" />
      <location filename="ui/training/panel.py" line="112" />
      <source>Optimizer</source>
      <translation>옵티마이저</translation>
    </message>
    <message>
      <location filename="ui/experiments/grid_dock.py" line="156" />
      <source>Optimizers</source>
      <translation>최적화 방법들</translation>
    </message>
    <message>
      <location filename="ui/editor/scene.py" line="264" />
      <location filename="ui/plots/base.py" line="55" />
      <source>Out</source>
      <translation>출력</translation>
    </message>
    <message>
      <location filename="ui/editor/scene.py" line="252" />
      <location filename="ui/mathviews/cells.py" line="34" />
      <location filename="ui/plots/base.py" line="56" />
      <source>Output</source>
      <translation>출력층</translation>
    </message>
    <message>
      <location filename="ui/experiments/compare.py" line="65" />
      <source>Output activation</source>
      <translation>출력층 활성화함수</translation>
    </message>
    <message>
      <location filename="ui/mathviews/gallery.py" line="50" />
      <source>Output layer only: with cross-entropy its slope cancels and the output delta is just o − t, so it adds no vanishing of its own.</source>
      <translation>출력층 전용: 교차 엔트로피와 함께 쓰면 기울기 항이 약분되어 출력층 델타가 그냥 o − t가 되므로, 그 자체로는 기울기 소실을 일으키지 않습니다.</translation>
    </message>
    <message>
      <location filename="ui/data/overfit.py" line="82" />
      <source>Overfitting Demo</source>
      <translation>오버피팅 시연</translation>
    </message>
    <message>
      <location filename="ui/data/overfit.py" line="108" />
      <source>Overfitting demo</source>
      <translation>오버피팅 시연</translation>
    </message>
    <message>
      <location filename="ui/files/manager.py" line="436" />
      <source>PNG image (*.png)</source>
      <translation>PNG 이미지 (*.png)</translation>
    </message>
    <message>
      <location filename="ui/plots/base.py" line="290" />
      <source>PNG image (*.png);;SVG drawing (*.svg)</source>
      <translation>PNG 이미지 (*.png);;SVG 그림 (*.svg)</translation>
    </message>
    <message>
      <location filename="ui/files/manager.py" line="183" />
      <source>PNG scale (print quality)</source>
      <translation>PNG 배율 (인쇄 품질)</translation>
    </message>
    <message>
      <location filename="ui/editor/properties.py" line="206" />
      <source>Parameters: {0} × {1} weights{2} = {3}</source>
      <translation>매개변수: 가중치 {0} × {1}{2} = {3}</translation>
    </message>
    <message>
      <location filename="ui/data/table_model.py" line="72" />
      <source>Part</source>
      <translation>구분</translation>
    </message>
    <message>
      <location filename="ui/training/bar.py" line="164" />
      <source>Pause</source>
      <translation>일시정지</translation>
    </message>
    <message>
      <location filename="ui/data/overfit.py" line="92" />
      <source>Penalize large weights (L2, rate 0.01) and train again from the same initial weights</source>
      <translation>큰 가중치에 벌점을 주고(L2, 비율 0.01) 같은 초기 가중치에서 다시 학습합니다</translation>
    </message>
    <message>
      <location filename="ui/tooltips.py" line="46" />
      <source>Penalty on the absolute weights (λ = regularization rate): drives small weights to exactly 0.</source>
      <translation>가중치 절댓값에 대한 벌점 (λ = 정규화 비율): 작은 가중치를 정확히 0으로 만듭니다.</translation>
    </message>
    <message>
      <location filename="ui/tooltips.py" line="48" />
      <source>Penalty on the squared weights (λ = regularization rate): keeps all weights small (weight decay).</source>
      <translation>가중치 제곱에 대한 벌점 (λ = 정규화 비율): 모든 가중치를 작게 유지합니다 (가중치 감쇠).</translation>
    </message>
    <message>
      <location filename="ui/labels.py" line="24" />
      <source>Perceptron rule</source>
      <translation>퍼셉트론 규칙</translation>
    </message>
    <message>
      <location filename="ui/explain/panel.py" line="71" />
      <source>Permutation importance (test loss increase)</source>
      <translation>순열 중요도 (테스트 손실 증가량)</translation>
    </message>
    <message>
      <location filename="ui/explain/panel.py" line="58" />
      <source>Permutation importance: I_j = mean over shuffles of E(feature j shuffled) − E. Gradient × input: s_j = x_j · ∂y/∂x_j.</source>
      <translation>순열 중요도: I_j = 특성 j를 섞었을 때의 오차 E의 평균 − E. 기울기 × 입력: s_j = x_j · ∂y/∂x_j.</translation>
    </message>
    <message>
      <location filename="ui/data/panel.py" line="66" />
      <source>Plane</source>
      <translation>평면</translation>
    </message>
    <message>
      <location filename="ui/data/panel.py" line="184" />
      <source>Plot</source>
      <translation>그래프</translation>
    </message>
    <message>
      <location filename="ui/mathviews/gallery.py" line="79" />
      <source>Point at the plot to read f and f′.</source>
      <translation>그래프 위에 마우스를 올리면 f와 f′ 값을 읽을 수 있습니다.</translation>
    </message>
    <message>
      <location filename="ui/data/panel.py" line="366" />
      <source>Points</source>
      <translation>점 개수</translation>
    </message>
    <message>
      <location filename="ui/data/panel.py" line="222" />
      <source>Predict a number from one or two inputs</source>
      <translation>입력 한두 개로 수치를 예측</translation>
    </message>
    <message>
      <location filename="ui/plots/output.py" line="269" />
      <source>Predicted vs true</source>
      <translation>예측값 대 실제값</translation>
    </message>
    <message>
      <location filename="ui/training/bar.py" line="171" />
      <source>Preparing the fast engine…</source>
      <translation>빠른 학습 엔진을 준비하는 중…</translation>
    </message>
    <message>
      <location filename="ui/explain/panel.py" line="66" />
      <location filename="ui/explain/panel.py" line="148" />
      <source>Press Compute after training.</source>
      <translation>학습한 뒤 계산을 누르세요.</translation>
    </message>
    <message>
      <location filename="ui/mathviews/stepper.py" line="186" />
      <source>Quantity</source>
      <translation>항목</translation>
    </message>
    <message>
      <location filename="ui/lessons/classroom.py" line="108" />
      <source>Question</source>
      <translation>질문</translation>
    </message>
    <message>
      <location filename="ui/lessons/panel.py" line="64" />
      <source>Question {0}</source>
      <translation>질문 {0}</translation>
    </message>
    <message>
      <location filename="ui/labels.py" line="23" />
      <source>RMSProp</source>
      <translation>RMSProp</translation>
    </message>
    <message>
      <location filename="ui/labels.py" line="25" />
      <source>Random 0 to 1</source>
      <translation>무작위 0~1</translation>
    </message>
    <message>
      <location filename="ui/tooltips.py" line="35" />
      <source>Random numbers between 0 and 1, all positive (the lecture's).</source>
      <translation>0과 1 사이의 난수, 모두 양수 (강의의 방식).</translation>
    </message>
    <message>
      <location filename="ui/training/panel.py" line="195" />
      <source>Random seed of the initial weights and the batch order: the same seed gives the same run.</source>
      <translation>초기 가중치와 배치 순서의 난수 시드: 같은 시드는 같은 학습 과정을 만듭니다.</translation>
    </message>
    <message>
      <location filename="ui/data/panel.py" line="342" />
      <source>Random seed: the same seed gives the same points</source>
      <translation>난수 시드: 같은 시드는 같은 점을 만듭니다</translation>
    </message>
    <message>
      <location filename="ui/tooltips.py" line="71" />
      <source>ReLU: z for positive z, else 0; slope 1 where active, so gradients do not vanish.</source>
      <translation>ReLU: z가 양수면 z, 아니면 0. 활성 구간의 기울기가 1이라 기울기 소실이 없습니다.</translation>
    </message>
    <message>
      <location filename="ui/training/bar.py" line="118" />
      <source>Reached the epoch limit ({0}).</source>
      <translation>최대 에포크({0})에 도달했습니다.</translation>
    </message>
    <message>
      <location filename="ui/main_window.py" line="68" />
      <source>Ready</source>
      <translation>준비</translation>
    </message>
    <message>
      <location filename="ui/data/panel.py" line="223" />
      <source>Real data</source>
      <translation>실제 데이터</translation>
    </message>
    <message>
      <location filename="ui/data/panel.py" line="345" />
      <source>Regenerate</source>
      <translation>다시 생성</translation>
    </message>
    <message>
      <location filename="ui/data/panel.py" line="438" />
      <source>Regenerate data</source>
      <translation>데이터 다시 생성</translation>
    </message>
    <message>
      <location filename="ui/data/panel.py" line="221" />
      <source>Regression</source>
      <translation>회귀</translation>
    </message>
    <message>
      <location filename="ui/data/import_dialog.py" line="91" />
      <source>Regression (numbers)</source>
      <translation>회귀 (수치)</translation>
    </message>
    <message>
      <location filename="simulator/datasets/catalog.py" line="0" />
      <source>Regression on a tilted plane: y = (x1 + x2) / 10, about -1.2 .. 1.2. Noise shifts the point before y is computed.</source>
      <translation>기울어진 평면의 회귀: y = (x1 + x2) / 10, 약 -1.2 .. 1.2. 노이즈는 y를 계산하기 전에 점을 움직입니다.</translation>
    </message>
    <message>
      <location filename="simulator/datasets/catalog.py" line="0" />
      <source>Regression on six bumps (three up, three down) in a 3 x 2 grid; y is -1 .. 1 and 0 away from the bumps.</source>
      <translation>3 x 2 격자에 놓인 여섯 봉우리(위로 셋, 아래로 셋)의 회귀: y는 -1 .. 1이고 봉우리에서 멀어지면 0입니다.</translation>
    </message>
    <message>
      <location filename="ui/experiments/compare.py" line="66" />
      <location filename="ui/training/panel.py" line="143" />
      <source>Regularization</source>
      <translation>규제</translation>
    </message>
    <message>
      <location filename="ui/training/panel.py" line="157" />
      <source>Regularization rate</source>
      <translation>규제 강도</translation>
    </message>
    <message>
      <location filename="ui/editor/scene.py" line="327" />
      <source>Remove a neuron</source>
      <translation>뉴런 제거</translation>
    </message>
    <message>
      <location filename="ui/editor/controller.py" line="183" />
      <location filename="ui/editor/scene.py" line="650" />
      <source>Remove connection</source>
      <translation>연결 제거</translation>
    </message>
    <message>
      <location filename="ui/editor/scene.py" line="629" />
      <source>Remove neuron</source>
      <translation>뉴런 제거</translation>
    </message>
    <message>
      <location filename="ui/data/panel.py" line="462" />
      <source>Remove point</source>
      <translation>점 제거</translation>
    </message>
    <message>
      <location filename="ui/editor/controller.py" line="157" />
      <source>Rename layer</source>
      <translation>층 이름 변경</translation>
    </message>
    <message>
      <location filename="ui/help_dialogs.py" line="56" />
      <source>Reporting a problem</source>
      <translation>문제 알리기</translation>
    </message>
    <message>
      <location filename="ui/training/bar.py" line="65" />
      <location filename="ui/training/controller.py" line="149" />
      <source>Reset weights</source>
      <translation>가중치 초기화</translation>
    </message>
    <message>
      <location filename="ui/editor/controller.py" line="183" />
      <location filename="ui/editor/scene.py" line="653" />
      <source>Restore connection</source>
      <translation>연결 복원</translation>
    </message>
    <message>
      <location filename="ui/data/panel.py" line="407" />
      <source>Restore data set {0}</source>
      <translation>데이터셋 복원: {0}</translation>
    </message>
    <message>
      <location filename="ui/files/manager.py" line="339" />
      <source>Restore unsaved work?</source>
      <translation>저장하지 않은 작업을 복원할까요?</translation>
    </message>
    <message>
      <location filename="ui/tooltips.py" line="31" />
      <source>Rosenblatt's rule for one layer of step units: t is the target, y the output, x the input.</source>
      <translation>계단 함수 뉴런 한 층을 위한 로젠블랫의 규칙: t는 목표값, y는 출력, x는 입력.</translation>
    </message>
    <message>
      <location filename="ui/data/plot.py" line="159" />
      <source>Row {0}: t = {1}, o = {2}, {3}</source>
      <translation>{0}번째 행: t = {1}, o = {2}, {3}</translation>
    </message>
    <message>
      <location filename="ui/data/panel.py" line="185" />
      <source>Rows</source>
      <translation>행</translation>
    </message>
    <message>
      <location filename="ui/mathviews/matrix.py" line="251" />
      <source>Rows </source>
      <translation>행 수 </translation>
    </message>
    <message>
      <location filename="ui/training/panel.py" line="288" />
      <source>Rows per weight update: 1 = online learning, {0} (the training rows) = full batch.</source>
      <translation>가중치를 한 번 갱신할 때 쓰는 행 수: 1 = 온라인 학습, {0}(학습 행 전체) = 전체 배치.</translation>
    </message>
    <message>
      <location filename="ui/experiments/grid_dock.py" line="160" />
      <source>Run on</source>
      <translation>실행 위치</translation>
    </message>
    <message>
      <location filename="ui/mathviews/stepper.py" line="149" />
      <source>Run to end ▶▶</source>
      <translation>끝까지 ▶▶</translation>
    </message>
    <message>
      <location filename="ui/experiments/runs_panel.py" line="101" />
      <source>Runs</source>
      <translation>실행 기록</translation>
    </message>
    <message>
      <location filename="ui/plots/loss.py" line="111" />
      <source>R²</source>
      <translation>R²</translation>
    </message>
    <message>
      <location filename="ui/files/manager.py" line="436" />
      <source>SVG drawing (*.svg)</source>
      <translation>SVG 그림 (*.svg)</translation>
    </message>
    <message>
      <location filename="ui/mathviews/stepper.py" line="186" />
      <source>Sample</source>
      <translation>표본</translation>
    </message>
    <message>
      <location filename="ui/mathviews/stepper.py" line="114" />
      <source>Sample </source>
      <translation>표본 </translation>
    </message>
    <message>
      <location filename="ui/files/manager.py" line="106" />
      <source>Save &amp;As…</source>
      <translation>다른 이름으로 저장(&amp;A)…</translation>
    </message>
    <message>
      <location filename="ui/lessons/__init__.py" line="86" />
      <source>Save as &amp;Lesson…</source>
      <translation>수업으로 저장(&amp;L)…</translation>
    </message>
    <message>
      <location filename="ui/lessons/classroom.py" line="95" />
      <location filename="ui/lessons/classroom.py" line="164" />
      <source>Save as lesson</source>
      <translation>수업으로 저장</translation>
    </message>
    <message>
      <location filename="ui/files/manager.py" line="297" />
      <source>Save project as</source>
      <translation>다른 이름으로 프로젝트 저장</translation>
    </message>
    <message>
      <location filename="ui/files/manager.py" line="125" />
      <source>Save the loss and accuracy of every epoch as a CSV table</source>
      <translation>에포크별 손실과 정확도를 CSV 표로 저장</translation>
    </message>
    <message>
      <location filename="ui/files/manager.py" line="105" />
      <source>Save the project</source>
      <translation>프로젝트 저장</translation>
    </message>
    <message>
      <location filename="ui/files/manager.py" line="107" />
      <source>Save the project under a new name</source>
      <translation>프로젝트를 새 이름으로 저장</translation>
    </message>
    <message>
      <location filename="ui/files/manager.py" line="122" />
      <source>Save the weights as NumPy (.npz), JSON, CSV tables or ONNX</source>
      <translation>가중치를 NumPy (.npz), JSON, CSV 표 또는 ONNX로 저장</translation>
    </message>
    <message>
      <location filename="ui/plots/base.py" line="199" />
      <source>Save this plot as PNG or SVG</source>
      <translation>이 그래프를 PNG 또는 SVG로 저장</translation>
    </message>
    <message>
      <location filename="ui/files/manager.py" line="320" />
      <source>Saved {0}</source>
      <translation>저장했습니다: {0}</translation>
    </message>
    <message>
      <location filename="ui/data/panel.py" line="362" />
      <source>Scaling of the input features, with statistics from the training rows only</source>
      <translation>입력 특성의 스케일 조정 (통계는 학습 행에서만 계산)</translation>
    </message>
    <message>
      <location filename="ui/experiments/grid_dock.py" line="162" />
      <source>Scheduler address</source>
      <translation>스케줄러 주소</translation>
    </message>
    <message>
      <location filename="ui/files/manager.py" line="455" />
      <source>Screenshot copied to the clipboard</source>
      <translation>스크린샷을 클립보드에 복사했습니다</translation>
    </message>
    <message>
      <location filename="ui/files/manager.py" line="450" />
      <source>Screenshot saved: {0}</source>
      <translation>스크린샷을 저장했습니다: {0}</translation>
    </message>
    <message>
      <location filename="ui/data/panel.py" line="368" />
      <location filename="ui/training/panel.py" line="198" />
      <source>Seed</source>
      <translation>시드</translation>
    </message>
    <message>
      <location filename="ui/experiments/grid_dock.py" line="157" />
      <source>Seeds</source>
      <translation>시드 수</translation>
    </message>
    <message>
      <location filename="ui/experiments/runs_panel.py" line="80" />
      <source>Select the runs to delete first</source>
      <translation>먼저 삭제할 실행을 선택하세요</translation>
    </message>
    <message>
      <location filename="ui/data/import_dialog.py" line="95" />
      <source>Semicolon  ;</source>
      <translation>세미콜론  ;</translation>
    </message>
    <message>
      <location filename="ui/experiments/compare.py" line="138" />
      <source>Setting to change</source>
      <translation>바꿀 설정</translation>
    </message>
    <message>
      <location filename="ui/training/panel.py" line="187" />
      <source>Share of the rows used for training; the rest is the test set.</source>
      <translation>훈련에 쓰는 행의 비율이며, 나머지는 테스트 세트입니다.</translation>
    </message>
    <message>
      <location filename="ui/data/panel.py" line="351" />
      <source>Share of the rows used for training; the rest test how well the network generalizes</source>
      <translation>훈련에 쓰는 행의 비율이며, 나머지 행으로 신경망의 일반화 성능을 테스트합니다</translation>
    </message>
    <message>
      <location filename="ui/plots/activation.py" line="102" />
      <source>Share of units whose slope f'(z) is below 1% of its maximum (they barely learn)</source>
      <translation>기울기 f'(z)가 최댓값의 1% 미만인 유닛의 비율 (거의 학습되지 않음)</translation>
    </message>
    <message>
      <location filename="ui/lessons/__init__.py" line="43" />
      <source>Show &amp;All Controls</source>
      <translation>모든 컨트롤 보이기(&amp;A)</translation>
    </message>
    <message>
      <location filename="ui/lessons/panel.py" line="73" />
      <location filename="ui/lessons/panel.py" line="85" />
      <source>Show answer</source>
      <translation>답 보기</translation>
    </message>
    <message>
      <location filename="ui/plots/output.py" line="67" />
      <source>Show test data</source>
      <translation>테스트 데이터 표시</translation>
    </message>
    <message>
      <location filename="ui/lessons/__init__.py" line="45" />
      <source>Show the controls this lesson hides</source>
      <translation>이 수업이 숨긴 컨트롤을 다시 보입니다</translation>
    </message>
    <message>
      <location filename="ui/tooltips.py" line="68" />
      <source>Sigmoid: squashes z into (0, 1); its slope is at most 0.25, so deep sigmoid networks suffer from vanishing gradients.</source>
      <translation>시그모이드: z를 (0, 1)로 눌러 담습니다. 기울기가 최대 0.25라서 깊은 시그모이드 신경망은 기울기 소실을 겪습니다.</translation>
    </message>
    <message>
      <location filename="ui/data/panel.py" line="66" />
      <source>Sine</source>
      <translation>사인</translation>
    </message>
    <message>
      <location filename="simulator/datasets/catalog.py" line="0" />
      <source>Sine (1-D)</source>
      <translation>사인 (1차원)</translation>
    </message>
    <message>
      <location filename="ui/mathviews/gallery.py" line="34" />
      <source>Slope 1 at z = 0, but it falls fast once |z| passes 2: saturated units still make the gradient vanish in deep networks.</source>
      <translation>z = 0에서 기울기가 1이지만 |z|가 2를 넘으면 빠르게 작아집니다. 포화된 뉴런 때문에 깊은 신경망에서는 여전히 기울기가 소실됩니다.</translation>
    </message>
    <message>
      <location filename="ui/mathviews/gallery.py" line="48" />
      <source>Slope 1 everywhere, so gradients never shrink; but stacked linear layers are still one linear map, so it belongs on regression outputs.</source>
      <translation>기울기가 어디서나 1이라 기울기가 줄지 않습니다. 하지만 선형층을 여러 개 쌓아도 결국 하나의 선형 변환이므로 회귀의 출력층에 씁니다.</translation>
    </message>
    <message>
      <location filename="ui/mathviews/gallery.py" line="40" />
      <source>Slope 1 for z &gt; 0 and e^z below 0: gradients pass as with ReLU, and negative units still learn a little.</source>
      <translation>z &gt; 0에서 기울기 1, 0보다 작으면 e^z: ReLU처럼 기울기를 전달하고, 음수 쪽 뉴런도 조금씩 학습합니다.</translation>
    </message>
    <message>
      <location filename="ui/mathviews/gallery.py" line="36" />
      <source>Slope exactly 1 for every z &gt; 0, so the gradient passes many layers without shrinking; a unit stuck at z &lt; 0 passes nothing (a dead ReLU).</source>
      <translation>z &gt; 0이면 기울기가 정확히 1이라 여러 층을 지나도 기울기가 줄지 않습니다. 다만 z &lt; 0에 머무는 뉴런은 아무것도 전달하지 못합니다(죽은 ReLU).</translation>
    </message>
    <message>
      <location filename="ui/training/bar.py" line="92" />
      <source>Slow motion: epochs per second. With the perceptron rule: samples per second, the line moving after each one</source>
      <translation>느린 재생: 초당 에포크 수. 퍼셉트론 학습 규칙에서는 초당 샘플 수이며, 샘플 하나마다 결정 직선이 움직입니다</translation>
    </message>
    <message>
      <location filename="ui/tooltips.py" line="79" />
      <source>Softmax: outputs that are positive and sum to 1 (class probabilities).</source>
      <translation>소프트맥스: 출력이 모두 양수이고 합이 1입니다 (클래스 확률).</translation>
    </message>
    <message>
      <location filename="ui/tooltips.py" line="75" />
      <source>Softplus: a smooth ReLU.</source>
      <translation>소프트플러스: 매끄러운 ReLU.</translation>
    </message>
    <message>
      <location filename="ui/lessons/classroom.py" line="114" />
      <source>Speed (epochs/s)</source>
      <translation>속도 (에포크/초)</translation>
    </message>
    <message>
      <location filename="ui/data/panel.py" line="65" />
      <source>Spiral</source>
      <translation>나선</translation>
    </message>
    <message>
      <location filename="ui/tooltips.py" line="37" />
      <source>Standard normal, not scaled: deep or wide layers saturate.</source>
      <translation>크기 조정 없는 표준 정규분포: 깊거나 넓은 층은 포화됩니다.</translation>
    </message>
    <message>
      <location filename="ui/data/panel.py" line="358" />
      <source>Standardize (mean 0, sd 1)</source>
      <translation>표준화 (평균 0, 표준편차 1)</translation>
    </message>
    <message>
      <location filename="ui/data/panel.py" line="300" />
      <source>Standardize inputs</source>
      <translation>입력 표준화</translation>
    </message>
    <message>
      <location filename="ui/experiments/grid_dock.py" line="170" />
      <source>Start</source>
      <translation>시작</translation>
    </message>
    <message>
      <location filename="ui/files/manager.py" line="101" />
      <source>Start a new project with the default network</source>
      <translation>기본 신경망으로 새 프로젝트 시작</translation>
    </message>
    <message>
      <location filename="ui/experiments/compare.py" line="144" />
      <source>Start comparison</source>
      <translation>비교 시작</translation>
    </message>
    <message>
      <location filename="ui/training/bar.py" line="56" />
      <source>Start or pause training</source>
      <translation>학습 시작 또는 일시정지</translation>
    </message>
    <message>
      <location filename="ui/experiments/grid_dock.py" line="368" />
      <source>Starting the workers...</source>
      <translation>작업 프로세스를 시작하는 중...</translation>
    </message>
    <message>
      <location filename="ui/training/bar.py" line="59" />
      <source>Step batch</source>
      <translation>배치 1회</translation>
    </message>
    <message>
      <location filename="ui/training/bar.py" line="57" />
      <source>Step epoch</source>
      <translation>에포크 1회</translation>
    </message>
    <message>
      <location filename="ui/mathviews/stepper.py" line="267" />
      <source>Step {0} of {1}: {2}</source>
      <translation>{1}단계 중 {0}단계: {2}</translation>
    </message>
    <message>
      <location filename="ui/tooltips.py" line="67" />
      <source>Step: the perceptron's threshold; its slope is 0, so no backpropagation.</source>
      <translation>계단 함수: 퍼셉트론의 임계값. 기울기가 0이라 역전파를 할 수 없습니다.</translation>
    </message>
    <message>
      <location filename="ui/training/bar.py" line="62" />
      <source>Stop</source>
      <translation>중지</translation>
    </message>
    <message>
      <location filename="ui/training/bar.py" line="79" />
      <source>Stop at epoch </source>
      <translation>최대 에포크 </translation>
    </message>
    <message>
      <location filename="ui/experiments/compare.py" line="475" />
      <source>Stop comparison</source>
      <translation>비교 중지</translation>
    </message>
    <message>
      <location filename="ui/training/bar.py" line="63" />
      <source>Stop training; Train continues from the current weights</source>
      <translation>학습을 중지합니다. [학습]을 누르면 현재 가중치에서 이어서 학습합니다</translation>
    </message>
    <message>
      <location filename="ui/data/overfit.py" line="95" />
      <source>Stop when the test loss has not improved for 50 epochs and go back to the best epoch's weights</source>
      <translation>테스트 손실이 50 에포크 동안 나아지지 않으면 멈추고 가장 좋았던 에포크의 가중치로 되돌립니다</translation>
    </message>
    <message>
      <location filename="ui/labels.py" line="20" />
      <source>Sum of squared errors (SSE)</source>
      <translation>오차 제곱합 (SSE)</translation>
    </message>
    <message>
      <location filename="ui/tooltips.py" line="19" />
      <source>Sum of the squared differences over the outputs, as in the lecture.</source>
      <translation>출력마다 차이를 제곱해 더한 값 (강의의 식).</translation>
    </message>
    <message>
      <location filename="ui/tooltips.py" line="76" />
      <source>Swish: z times its sigmoid.</source>
      <translation>스위시: z에 z의 시그모이드를 곱한 값.</translation>
    </message>
    <message>
      <location filename="ui/editor/controller.py" line="64" />
      <source>Switch input feature {0}</source>
      <translation>입력 특성 {0} 전환</translation>
    </message>
    <message>
      <location filename="ui/data/import_dialog.py" line="95" />
      <source>Tab</source>
      <translation>탭</translation>
    </message>
    <message>
      <location filename="ui/data/panel.py" line="64" />
      <source>Table</source>
      <translation>표</translation>
    </message>
    <message>
      <location filename="ui/mathviews/stepper.py" line="312" />
      <source>Table copied to the clipboard</source>
      <translation>표를 클립보드에 복사했습니다</translation>
    </message>
    <message>
      <location filename="ui/data/import_dialog.py" line="101" />
      <source>Target column</source>
      <translation>목표 열</translation>
    </message>
    <message>
      <location filename="ui/data/table_model.py" line="65" />
      <source>Target: what the network learns to output</source>
      <translation>목표값: 신경망이 출력하도록 학습하는 값</translation>
    </message>
    <message>
      <location filename="ui/data/import_dialog.py" line="102" />
      <source>Task</source>
      <translation>문제 유형</translation>
    </message>
    <message>
      <location filename="ui/help_dialogs.py" line="57" />
      <source>Tell your instructor or the project's issue tracker what you did, what you expected and what happened, with this version number ({0}) and, if you can, the project file (File &gt; Save As) and a screenshot (File &gt; Export Screenshot).</source>
      <translation>무엇을 했는지, 무엇을 기대했는지, 실제로 어떻게 되었는지를 이 버전 번호({0})와 함께 담당 교수(강사)나 프로젝트의 이슈 트래커에 알려 주세요. 가능하면 프로젝트 파일(파일 &gt; 다른 이름으로 저장)과 스크린샷(파일 &gt; 스크린샷 내보내기)도 함께 보내 주세요.</translation>
    </message>
    <message>
      <location filename="ui/plots/loss.py" line="129" />
      <source>Test</source>
      <translation>테스트</translation>
    </message>
    <message>
      <location filename="ui/plots/loss.py" line="126" />
      <location filename="ui/plots/loss.py" line="129" />
      <source>Test R²</source>
      <translation>테스트 R²</translation>
    </message>
    <message>
      <location filename="ui/plots/loss.py" line="130" />
      <source>Test acc.</source>
      <translation>테스트 정확도</translation>
    </message>
    <message>
      <location filename="ui/experiments/grid_dock.py" line="205" />
      <location filename="ui/plots/loss.py" line="63" />
      <location filename="ui/plots/loss.py" line="128" />
      <source>Test accuracy</source>
      <translation>테스트 정확도</translation>
    </message>
    <message>
      <location filename="ui/experiments/grid_dock.py" line="203" />
      <location filename="ui/plots/loss.py" line="126" />
      <location filename="ui/plots/loss.py" line="55" />
      <source>Test loss</source>
      <translation>테스트 손실</translation>
    </message>
    <message>
      <location filename="ui/explain/panel.py" line="157" />
      <source>Test loss {0:.4g}; shuffling '{1}' raises it most ({2:.4g} ± {3:.2g}, {4} shuffles).</source>
      <translation>테스트 손실 {0:.4g}; '{1}'을(를) 섞을 때 가장 크게 늘어납니다 ({2:.4g} ± {3:.2g}, {4}번 섞음).</translation>
    </message>
    <message>
      <location filename="ui/training/bar.py" line="192" />
      <source>Test loss: {0}</source>
      <translation>테스트 손실: {0}</translation>
    </message>
    <message>
      <location filename="ui/lessons/classroom.py" line="107" />
      <source>Text</source>
      <translation>본문</translation>
    </message>
    <message>
      <location filename="simulator/datasets/catalog.py" line="0" />
      <source>The AND truth table: inputs x1, x2 in {0, 1}, target 0 or 1. A single perceptron (one straight line) can learn it.</source>
      <translation>AND 진리표: 입력 x1, x2는 {0, 1} 중 하나, 목표값은 0 또는 1. 퍼셉트론 하나(직선 하나)로 학습할 수 있습니다.</translation>
    </message>
    <message>
      <location filename="ui/training/panel.py" line="338" />
      <source>The GPU cannot be used here</source>
      <translation>여기서는 GPU를 사용할 수 없습니다</translation>
    </message>
    <message>
      <location filename="simulator/datasets/catalog.py" line="0" />
      <source>The NAND truth table: inputs x1, x2 in {0, 1}, target 0 or 1. A single perceptron (one straight line) can learn it.</source>
      <translation>NAND 진리표: 입력 x1, x2는 {0, 1} 중 하나, 목표값은 0 또는 1. 퍼셉트론 하나(직선 하나)로 학습할 수 있습니다.</translation>
    </message>
    <message>
      <location filename="simulator/datasets/catalog.py" line="0" />
      <source>The OR truth table: inputs x1, x2 in {0, 1}, target 0 or 1. A single perceptron (one straight line) can learn it.</source>
      <translation>OR 진리표: 입력 x1, x2는 {0, 1} 중 하나, 목표값은 0 또는 1. 퍼셉트론 하나(직선 하나)로 학습할 수 있습니다.</translation>
    </message>
    <message>
      <location filename="simulator/datasets/catalog.py" line="0" />
      <source>The XOR truth table: inputs x1, x2 in {0, 1}, target 0 or 1. No single straight line separates the classes: a perceptron cannot learn it, a network with a hidden layer can.</source>
      <translation>XOR 진리표: 입력 x1, x2는 {0, 1} 중 하나, 목표값은 0 또는 1. 어떤 직선 하나로도 두 클래스를 나눌 수 없어 퍼셉트론은 학습하지 못하고, 은닉층이 있는 신경망은 학습합니다.</translation>
    </message>
    <message>
      <location filename="ui/experiments/grid_dock.py" line="521" />
      <source>The best and the worst run's decision boundaries appear here as soon as a run has finished.</source>
      <translation>실행이 하나라도 끝나면 가장 좋은 실행과 가장 나쁜 실행의 결정 경계가 여기에 나타납니다.</translation>
    </message>
    <message>
      <location filename="ui/data/import_dialog.py" line="86" />
      <source>The column the network learns to predict; the other columns are its inputs</source>
      <translation>신경망이 예측하도록 학습할 열이며, 나머지 열은 입력이 됩니다</translation>
    </message>
    <message>
      <location filename="ui/experiments/compare.py" line="402" />
      <source>The comparison run ({0}) diverged at epoch {1}; its curve is kept as a run.</source>
      <translation>비교 실행({0})이 에포크 {1}에서 발산했습니다. 그 곡선은 실행 기록에 보관됩니다.</translation>
    </message>
    <message>
      <location filename="ui/experiments/compare.py" line="543" />
      <source>The comparison run ({0}) is kept in the Runs panel.</source>
      <translation>비교 실행({0})이 실행 기록 패널에 보관되었습니다.</translation>
    </message>
    <message>
      <location filename="ui/experiments/compare.py" line="406" />
      <source>The comparison run failed: {0}</source>
      <translation>비교 실행이 실패했습니다: {0}</translation>
    </message>
    <message>
      <location filename="ui/experiments/compare.py" line="391" />
      <source>The comparison run's process ended unexpectedly.</source>
      <translation>비교 실행의 프로세스가 예기치 않게 끝났습니다.</translation>
    </message>
    <message>
      <location filename="ui/experiments/compare.py" line="258" />
      <source>The copy trains with {0} instead of {1}; everything else, the initial weights and the batch order included, stays the same.</source>
      <translation>복사본은 {1} 대신 {0}(으)로 학습합니다. 초기 가중치와 배치 순서를 포함한 나머지는 모두 같습니다.</translation>
    </message>
    <message>
      <location filename="ui/experiments/compare.py" line="515" />
      <source>The current run cannot train further.</source>
      <translation>현재 실행은 더 학습할 수 없습니다.</translation>
    </message>
    <message>
      <location filename="ui/experiments/compare.py" line="361" />
      <source>The current run stopped; the comparison run ({0}) goes on. Train &gt; Stop comparison ends it.</source>
      <translation>현재 실행은 멈췄지만 비교 실행({0})은 계속됩니다. 학습 &gt; 비교 중지로 끝낼 수 있습니다.</translation>
    </message>
    <message>
      <location filename="ui/experiments/compare.py" line="131" />
      <source>The current weights (epoch {0})</source>
      <translation>현재 가중치 (에포크 {0})</translation>
    </message>
    <message>
      <location filename="ui/training/controller.py" line="307" />
      <source>The data changed: training paused. Press Train to continue.</source>
      <translation>데이터가 바뀌었습니다: 학습을 일시정지했습니다. 계속하려면 [학습]을 누르세요.</translation>
    </message>
    <message>
      <location filename="ui/training/controller.py" line="110" />
      <source>The epoch limit ({0}) is reached; raise it or reset the weights to train further.</source>
      <translation>최대 에포크({0})에 도달했습니다. 더 학습하려면 최대 에포크를 높이거나 가중치를 초기화하세요.</translation>
    </message>
    <message>
      <location filename="ui/files/manager.py" line="242" />
      <source>The file could not be opened:
{0}</source>
      <translation>파일을 열 수 없습니다:
{0}</translation>
    </message>
    <message>
      <location filename="ui/editor/properties.py" line="171" />
      <source>The input layer has one neuron per feature of the data ({0}).</source>
      <translation>입력층에는 데이터의 특성마다 뉴런이 하나씩 있습니다 ({0}).</translation>
    </message>
    <message>
      <location filename="ui/training/panel.py" line="124" />
      <source>The learning rate α: how far each step moves the weights against the gradient. Type a value or pick one.</source>
      <translation>학습률 α: 한 단계마다 가중치를 기울기 반대 방향으로 얼마나 움직일지 정합니다. 값을 입력하거나 고르세요.</translation>
    </message>
    <message>
      <location filename="simulator/datasets/catalog.py" line="0" />
      <source>The lecture's feature table (4 rows, columns a, b, c) for the matrix view X @ W. The lecture gives no target, so the target is the plain sum a + b + c: a weighted sum with every weight 1, which one linear neuron learns exactly.</source>
      <translation>강의의 특징 표(4행, 열 a, b, c)로, 행렬 계산 X @ W를 보여 줍니다. 강의에는 목표값이 없어 목표값을 a + b + c로 두었습니다. 모든 가중치가 1인 가중합이므로 선형 뉴런 하나가 정확히 학습합니다.</translation>
    </message>
    <message>
      <location filename="ui/data/panel.py" line="216" />
      <source>The lecture's tables: logic gates and the feature table</source>
      <translation>강의의 표: 논리 게이트와 특성 표</translation>
    </message>
    <message>
      <location filename="ui/lessons/panel.py" line="235" />
      <source>The lesson could not be opened:
{0}</source>
      <translation>수업을 열 수 없습니다:
{0}</translation>
    </message>
    <message>
      <location filename="ui/training/panel.py" line="325" />
      <source>The loss became infinite or not a number (NaN), so training stopped. This usually means the learning rate α = {0} is too high: every step jumps past the valley of the loss, and the weights grow without bound.

The last weights that were still finite have been restored.

What to try: a smaller learning rate (for example {1}), normalized inputs (Data panel), Xavier or He initialization, or Reset weights.</source>
      <translation>손실이 무한대나 숫자가 아닌 값(NaN)이 되어 학습을 멈췄습니다. 대개 학습률(α = {0})이 너무 크다는 뜻입니다: 매 단계가 손실의 골짜기를 지나쳐 버리고, 가중치가 끝없이 커집니다.

아직 유한했던 마지막 가중치로 되돌렸습니다.

해 볼 만한 것: 더 작은 학습률(예: {1}), 입력 정규화(데이터 패널), Xavier 또는 He 초기화, 또는 가중치 초기화.</translation>
    </message>
    <message>
      <location filename="ui/experiments/grid_dock.py" line="212" />
      <source>The measure the heatmap shows and the best and worst run are picked by</source>
      <translation>히트맵이 보여 주고, 최고·최저 실행을 고르는 기준이 되는 측정값</translation>
    </message>
    <message>
      <location filename="ui/training/controller.py" line="303" />
      <source>The network changed: training paused. Press Train to continue with the new topology.</source>
      <translation>신경망이 바뀌었습니다: 학습을 일시정지했습니다. 새 구조로 계속하려면 [학습]을 누르세요.</translation>
    </message>
    <message>
      <location filename="ui/plots/output.py" line="258" />
      <source>The network's output over the input plane; training points filled, test points hollow</source>
      <translation>입력 평면에서의 신경망 출력. 채운 점: 학습, 빈 점: 테스트</translation>
    </message>
    <message>
      <location filename="ui/editor/neuron_view.py" line="151" />
      <source>The neuron's output at each point of the input plane ({0} × {1} points): blue for high, orange for low values, as on the canvas. Output from {2:.3f} to {3:.3f}.</source>
      <translation>입력 평면의 각 점에서 이 뉴런의 출력입니다 ({0} × {1}개 점): 캔버스와 같이 큰 값은 파란색, 작은 값은 주황색입니다. 출력 범위 {2:.3f} ~ {3:.3f}.</translation>
    </message>
    <message>
      <location filename="ui/editor/properties.py" line="181" />
      <source>The output layer has one neuron per target of the data; its size follows the data.</source>
      <translation>출력층에는 데이터의 목표값마다 뉴런이 하나씩 있으며, 크기는 데이터를 따릅니다.</translation>
    </message>
    <message>
      <location filename="ui/files/manager.py" line="278" />
      <source>The project could not be shown:
{0}: {1}</source>
      <translation>프로젝트를 화면에 표시할 수 없습니다:
{0}: {1}</translation>
    </message>
    <message>
      <location filename="ui/files/manager.py" line="67" />
      <source>The project has unsaved changes. Save them first?</source>
      <translation>프로젝트에 저장하지 않은 변경 사항이 있습니다. 먼저 저장할까요?</translation>
    </message>
    <message>
      <location filename="ui/training/panel.py" line="152" />
      <source>The regularization rate λ: how much the penalty on the weights counts against the loss E.</source>
      <translation>정규화 비율 λ: 가중치에 대한 벌점이 손실 E에 얼마나 더해지는지 정합니다.</translation>
    </message>
    <message>
      <location filename="ui/experiments/compare.py" line="255" />
      <source>The same value as now: the two runs should draw the same curve, since training is deterministic for a seed.</source>
      <translation>현재와 같은 값입니다. 시드가 같으면 학습 결과가 똑같으므로 두 실행은 같은 곡선을 그려야 합니다.</translation>
    </message>
    <message>
      <location filename="ui/data/panel.py" line="511" />
      <source>The targets go from {0:g} to {1:g}, but a {2} output only reaches {3}: the network cannot fit them and the loss stays high.</source>
      <translation>목표값은 {0:g}부터 {1:g}까지인데 {2} 출력은 {3} 범위만 낼 수 있습니다. 신경망이 목표값에 닿지 못해 손실이 높게 남습니다.</translation>
    </message>
    <message>
      <location filename="ui/training/controller.py" line="248" />
      <source>The training process ended unexpectedly ({0}). Training stopped; press Train to continue from the last weights.</source>
      <translation>학습 프로세스가 예기치 않게 끝났습니다({0}). 학습을 멈췄습니다. [학습]을 누르면 마지막 가중치에서 이어서 학습합니다.</translation>
    </message>
    <message>
      <location filename="ui/explain/panel.py" line="137" />
      <source>The weights changed: press Compute again.</source>
      <translation>가중치가 바뀌었습니다: 계산을 다시 누르세요.</translation>
    </message>
    <message>
      <location filename="ui/training/bar.py" line="198" />
      <source>The weights of the best epoch are restored.</source>
      <translation>가장 좋았던 에포크의 가중치로 되돌렸습니다.</translation>
    </message>
    <message>
      <location filename="ui/experiments/grid_dock.py" line="603" />
      <source>This configuration has no finished run to apply</source>
      <translation>이 구성에는 적용할 완료된 실행이 없습니다</translation>
    </message>
    <message>
      <location filename="ui/experiments/compare.py" line="233" />
      <source>This network has no setting to compare.</source>
      <translation>이 신경망에는 비교할 설정이 없습니다.</translation>
    </message>
    <message>
      <location filename="ui/training/panel.py" line="338" />
      <source>This project trains with CuPy (GPU), which this computer cannot use. Choose NumPy (CPU) or Automatic under Backend; the weights stay as they are.</source>
      <translation>이 프로젝트는 CuPy(GPU)로 학습하도록 설정되어 있지만, 이 컴퓨터에서는 GPU를 사용할 수 없습니다. 백엔드에서 NumPy (CPU) 또는 자동을 고르세요. 가중치는 그대로 유지됩니다.</translation>
    </message>
    <message>
      <location filename="ui/experiments/runs_panel.py" line="32" />
      <source>Tick runs to draw their train (solid) and test (dashed) loss on the loss plot</source>
      <translation>체크한 실행의 학습 손실(실선)과 테스트 손실(점선)을 손실 그래프에 겹쳐 그립니다</translation>
    </message>
    <message>
      <location filename="ui/training/bar.py" line="75" />
      <source>Time spent training in this run</source>
      <translation>이번 실행의 학습 시간</translation>
    </message>
    <message>
      <location filename="ui/lessons/classroom.py" line="106" />
      <source>Title</source>
      <translation>제목</translation>
    </message>
    <message>
      <location filename="ui/editor/controller.py" line="156" />
      <source>Toggle bias</source>
      <translation>편향 켜기/끄기</translation>
    </message>
    <message>
      <location filename="ui/plots/loss.py" line="129" />
      <location filename="ui/training/bar.py" line="55" />
      <location filename="ui/training/bar.py" line="164" />
      <source>Train</source>
      <translation>학습</translation>
    </message>
    <message>
      <location filename="ui/plots/gradients.py" line="103" />
      <source>Train (F5) or step one epoch: the mean |∂E/∂W| of every layer appears here. Lines falling apart by orders of magnitude are vanishing gradients.</source>
      <translation>학습(F5)을 시작하거나 한 에포크씩 진행하면 층마다 평균 |∂E/∂W|가 여기에 나타납니다. 선들이 몇 자릿수씩 벌어진다면 기울기 소실입니다.</translation>
    </message>
    <message>
      <location filename="ui/plots/loss.py" line="99" />
      <source>Train (F5) or step one epoch: the train and test loss of every epoch appear here.</source>
      <translation>학습(F5)을 시작하거나 한 에포크씩 진행하면 에포크마다 학습 손실과 테스트 손실이 여기에 나타납니다.</translation>
    </message>
    <message>
      <location filename="ui/plots/loss.py" line="126" />
      <location filename="ui/plots/loss.py" line="129" />
      <source>Train R²</source>
      <translation>학습 R²</translation>
    </message>
    <message>
      <location filename="ui/experiments/compare.py" line="472" />
      <source>Train a copy of this project with one setting changed, next to it, and overlay both loss curves</source>
      <translation>설정 하나만 바꾼 복사본을 나란히 학습하고 두 손실 곡선을 겹쳐 그립니다</translation>
    </message>
    <message>
      <location filename="ui/plots/loss.py" line="130" />
      <source>Train acc.</source>
      <translation>학습 정확도</translation>
    </message>
    <message>
      <location filename="ui/plots/loss.py" line="62" />
      <location filename="ui/plots/loss.py" line="127" />
      <source>Train accuracy</source>
      <translation>학습 정확도</translation>
    </message>
    <message>
      <location filename="ui/training/bar.py" line="61" />
      <source>Train exactly one batch (one weight update)</source>
      <translation>배치 하나만 학습 (가중치 업데이트 1회)</translation>
    </message>
    <message>
      <location filename="ui/training/bar.py" line="58" />
      <source>Train exactly one epoch</source>
      <translation>정확히 한 에포크만 학습</translation>
    </message>
    <message>
      <location filename="ui/experiments/grid_dock.py" line="204" />
      <location filename="ui/plots/loss.py" line="126" />
      <location filename="ui/plots/loss.py" line="54" />
      <source>Train loss</source>
      <translation>학습 손실</translation>
    </message>
    <message>
      <location filename="ui/training/bar.py" line="191" />
      <source>Train loss: {0}</source>
      <translation>학습 손실: {0}</translation>
    </message>
    <message>
      <location filename="ui/training/backend.py" line="58" />
      <source>Train on the graphics card {0} with CuPy. It pays off for large networks only: every step on a GPU has a fixed start-up cost that small networks cannot make up for.</source>
      <translation>CuPy로 그래픽 카드 {0}에서 학습합니다. 큰 신경망에서만 이득이 있습니다. GPU에서는 연산 한 번마다 일정한 시작 비용이 들어서, 작은 신경망은 그 비용을 만회하지 못합니다.</translation>
    </message>
    <message>
      <location filename="ui/training/backend.py" line="49" />
      <source>Train on the processor (CPU) with NumPy: the fastest choice for small networks such as the lecture's examples.</source>
      <translation>NumPy로 프로세서(CPU)에서 학습합니다. 강의 예제처럼 작은 신경망에는 가장 빠른 선택입니다.</translation>
    </message>
    <message>
      <location filename="ui/experiments/grid_dock.py" line="519" />
      <source>Trained weights are not saved with the project: run the grid again to see the best and worst decision boundaries.</source>
      <translation>학습된 가중치는 프로젝트에 저장되지 않습니다. 최고·최저 실행의 결정 경계를 보려면 그리드를 다시 실행하세요.</translation>
    </message>
    <message>
      <location filename="ui/main_window.py" line="65" />
      <source>Training</source>
      <translation>학습</translation>
    </message>
    <message>
      <location filename="ui/data/panel.py" line="369" />
      <location filename="ui/training/panel.py" line="190" />
      <source>Training data</source>
      <translation>훈련 데이터 비율</translation>
    </message>
    <message>
      <location filename="ui/training/panel.py" line="333" />
      <source>Training diverged</source>
      <translation>학습 발산</translation>
    </message>
    <message>
      <location filename="ui/training/bar.py" line="115" />
      <source>Training diverged: the learning rate is probably too high (see the Hyperparameters panel).</source>
      <translation>학습이 발산했습니다: 학습률이 너무 큰 것 같습니다 (하이퍼파라미터 패널 참고).</translation>
    </message>
    <message>
      <location filename="ui/training/bar.py" line="179" />
      <source>Training path: {0}</source>
      <translation>학습 경로: {0}</translation>
    </message>
    <message>
      <location filename="ui/training/panel.py" line="342" />
      <source>Training stopped because of an error</source>
      <translation>오류로 학습이 중지되었습니다</translation>
    </message>
    <message>
      <location filename="ui/lessons/classroom.py" line="57" />
      <source>Training toolbar</source>
      <translation>학습 도구 모음</translation>
    </message>
    <message>
      <location filename="ui/experiments/compare.py" line="115" />
      <source>Trains a copy of this project with one setting changed, next to it, from the same initial weights and the same seed. Both loss curves appear on the loss plot; the copy is kept as a run.</source>
      <translation>설정 하나만 바꾼 이 프로젝트의 복사본을 같은 초기 가중치와 같은 시드에서 나란히 학습합니다. 두 손실 곡선이 손실 그래프에 함께 나타나고, 복사본은 실행 기록에 보관됩니다.</translation>
    </message>
    <message>
      <location filename="simulator/datasets/catalog.py" line="0" />
      <source>Two Gaussian clouds: class 1 around (2, 2), class 0 around (-2, -2). More noise widens the clouds until they overlap.</source>
      <translation>가우시안 분포를 따르는 두 점 구름: 클래스 1은 (2, 2) 주변, 클래스 0은 (-2, -2) 주변. 노이즈가 클수록 구름이 넓어져 서로 겹칩니다.</translation>
    </message>
    <message>
      <location filename="simulator/datasets/catalog.py" line="0" />
      <source>Two Gaussians</source>
      <translation>두 가우시안</translation>
    </message>
    <message>
      <location filename="ui/data/panel.py" line="219" />
      <source>Two inputs, two classes: the decision boundary is visible</source>
      <translation>입력 2개, 클래스 2개: 결정 경계가 보입니다</translation>
    </message>
    <message>
      <location filename="simulator/datasets/catalog.py" line="0" />
      <source>Two interleaved spirals (class 1 and class 0), the hardest of the 2-D sets: it needs several hidden layers or extra input features.</source>
      <translation>서로 맞물린 두 나선(클래스 1과 클래스 0). 2차원 데이터 중 가장 어려워서 은닉층을 여러 개 두거나 입력 특징을 더해야 합니다.</translation>
    </message>
    <message>
      <location filename="simulator/datasets/catalog.py" line="0" />
      <source>Two interleaving half circles (scikit-learn's make_moons, scaled by 3): class 1 the upper moon, class 0 the lower. Noise is Gaussian with standard deviation noise x 3.</source>
      <translation>서로 맞물린 두 반원(scikit-learn의 make_moons를 3배로 키움): 위쪽 반달은 클래스 1, 아래쪽은 클래스 0. 노이즈는 표준편차가 노이즈 x 3인 가우시안입니다.</translation>
    </message>
    <message>
      <location filename="simulator/datasets/catalog.py" line="0" />
      <source>Two moons</source>
      <translation>두 개의 반달</translation>
    </message>
    <message>
      <location filename="ui/labels.py" line="25" />
      <source>Uniform ±limit</source>
      <translation>균등분포 ±한계</translation>
    </message>
    <message>
      <location filename="ui/tooltips.py" line="36" />
      <source>Uniform, narrower for more inputs (PyTorch's default).</source>
      <translation>균등분포, 입력이 많을수록 좁아집니다 (PyTorch의 기본값).</translation>
    </message>
    <message>
      <location filename="ui/experiments/grid_dock.py" line="133" />
      <source>Units per hidden layer, layouts separated by ';' (e.g. 4; 8; 4,4; 8,8)</source>
      <translation>은닉층마다 뉴런 수, 구성은 ';'로 구분 (예: 4; 8; 4,4; 8,8)</translation>
    </message>
    <message>
      <location filename="ui/files/manager.py" line="66" />
      <source>Unsaved changes</source>
      <translation>저장하지 않은 변경 사항</translation>
    </message>
    <message>
      <location filename="ui/files/manager.py" line="199" />
      <source>Untitled</source>
      <translation>제목 없음</translation>
    </message>
    <message>
      <location filename="ui/mathviews/stepper.py" line="265" />
      <source>Update</source>
      <translation>업데이트</translation>
    </message>
    <message>
      <location filename="ui/editor/properties.py" line="125" />
      <source>Use a bias</source>
      <translation>편향 사용</translation>
    </message>
    <message>
      <location filename="ui/data/panel.py" line="259" />
      <source>Use your own table: a CSV file with one column to predict (UTF-8 or CP949)</source>
      <translation>직접 만든 표 사용: 예측할 열이 하나 있는 CSV 파일 (UTF-8 또는 CP949)</translation>
    </message>
    <message>
      <location filename="ui/data/panel.py" line="470" />
      <location filename="ui/data/panel.py" line="515" />
      <source>Use {0} output</source>
      <translation>{0} 출력 사용</translation>
    </message>
    <message>
      <location filename="ui/training/backend.py" line="55" />
      <source>Uses the CPU until the check for a graphics card (GPU) has finished.</source>
      <translation>그래픽 카드(GPU) 확인이 끝날 때까지 CPU를 사용합니다.</translation>
    </message>
    <message>
      <location filename="ui/training/backend.py" line="70" />
      <source>Uses the CPU: there is no usable graphics card (GPU) here.</source>
      <translation>CPU를 사용합니다. 이 컴퓨터에는 사용할 수 있는 그래픽 카드(GPU)가 없습니다.</translation>
    </message>
    <message>
      <location filename="ui/training/backend.py" line="61" />
      <source>Uses the graphics card ({0}) for networks with at least {1} weights and biases, the CPU for smaller ones, where it is faster.</source>
      <translation>가중치와 편향이 {1}개 이상인 신경망은 그래픽 카드({0})에서, 그보다 작은 신경망은 더 빠른 CPU에서 학습합니다.</translation>
    </message>
    <message>
      <location filename="ui/lessons/panel.py" line="44" />
      <location filename="ui/plots/__init__.py" line="32" />
      <source>Weights</source>
      <translation>가중치</translation>
    </message>
    <message>
      <location filename="ui/files/manager.py" line="408" />
      <source>Weights exported to {0}</source>
      <translation>가중치를 내보냈습니다: {0}</translation>
    </message>
    <message>
      <location filename="ui/lessons/__init__.py" line="126" />
      <source>Welcome</source>
      <translation>환영합니다</translation>
    </message>
    <message>
      <location filename="ui/lessons/__init__.py" line="127" />
      <source>Welcome to the ANN Simulator. Start with lesson 1, "{0}"? All lessons are in Help &gt; Lessons.</source>
      <translation>인공신경망 시뮬레이터에 오신 것을 환영합니다. 1번 수업 "{0}"부터 시작할까요? 모든 수업은 도움말 &gt; 수업에 있습니다.</translation>
    </message>
    <message>
      <location filename="ui/data/table_model.py" line="63" />
      <source>Whether the row is used for training or only for testing</source>
      <translation>이 행을 학습에 쓰는지, 테스트에만 쓰는지</translation>
    </message>
    <message>
      <location filename="ui/files/screenshots.py" line="175" />
      <source>Whole window</source>
      <translation>전체 창</translation>
    </message>
    <message>
      <location filename="ui/data/panel.py" line="67" />
      <source>Wine</source>
      <translation>와인</translation>
    </message>
    <message>
      <location filename="ui/mathviews/stepper.py" line="187" />
      <source>With the numbers</source>
      <translation>숫자를 넣은 식</translation>
    </message>
    <message>
      <location filename="ui/experiments/grid_dock.py" line="161" />
      <source>Workers</source>
      <translation>작업 프로세스 수</translation>
    </message>
    <message>
      <location filename="ui/mathviews/matrix.py" line="376" />
      <source>X</source>
      <translation>X</translation>
    </message>
    <message>
      <location filename="simulator/datasets/catalog.py" line="0" />
      <source>XOR gate</source>
      <translation>XOR 게이트</translation>
    </message>
    <message>
      <location filename="ui/labels.py" line="26" />
      <source>Xavier (Glorot)</source>
      <translation>Xavier (Glorot)</translation>
    </message>
    <message>
      <location filename="ui/editor/__init__.py" line="86" />
      <source>Zoom &amp;in</source>
      <translation>확대(&amp;I)</translation>
    </message>
    <message>
      <location filename="ui/editor/__init__.py" line="87" />
      <source>Zoom &amp;out</source>
      <translation>축소(&amp;O)</translation>
    </message>
    <message>
      <location filename="ui/editor/controller.py" line="128" />
      <source>a layer has between 1 and {0} neurons</source>
      <translation>층의 뉴런 수는 1~{0}개입니다</translation>
    </message>
    <message>
      <location filename="ui/editor/scene.py" line="511" />
      <source>activation: {0}</source>
      <translation>활성화함수: {0}</translation>
    </message>
    <message>
      <location filename="ui/lessons/classroom.py" line="103" />
      <location filename="ui/training/bar.py" line="91" />
      <source>as fast as possible</source>
      <translation>최대 속도</translation>
    </message>
    <message>
      <location filename="ui/engine_text.py" line="38" />
      <source>backend 'cupy' is unavailable: {0}</source>
      <translation>CuPy 백엔드를 쓸 수 없습니다: {0}</translation>
    </message>
    <message>
      <location filename="ui/experiments/grid_dock.py" line="570" />
      <source>batch {value}</source>
      <translation>배치 {value}</translation>
    </message>
    <message>
      <location filename="ui/plots/marks.py" line="80" />
      <source>best test {0} @ epoch {1}</source>
      <translation>최저 테스트 손실 {0} @ 에포크 {1}</translation>
    </message>
    <message>
      <location filename="ui/experiments/grid_dock.py" line="579" />
      <source>best: {run} — {measure} {value}</source>
      <translation>최고: {run} — {measure} {value}</translation>
    </message>
    <message>
      <location filename="ui/editor/scene.py" line="514" />
      <source>bias: {0:.4f}</source>
      <translation>편향: {0:.4f}</translation>
    </message>
    <message>
      <location filename="ui/startup.py" line="153" />
      <source>cannot save the screenshot: {0}</source>
      <translation>스크린샷을 저장할 수 없습니다: {0}</translation>
    </message>
    <message>
      <location filename="ui/data/import_dialog.py" line="226" />
      <source>classification into {0} classes ({1})</source>
      <translation>{0}개 클래스 분류 ({1})</translation>
    </message>
    <message>
      <location filename="ui/data/plot.py" line="158" />
      <source>classified right: t − o = 0, the line stays</source>
      <translation>바르게 분류됨: t − o = 0이므로 직선은 그대로입니다</translation>
    </message>
    <message>
      <location filename="ui/data/import_dialog.py" line="182" />
      <source>comma</source>
      <translation>쉼표</translation>
    </message>
    <message>
      <location filename="ui/editor/properties.py" line="198" />
      <source>default ({0})</source>
      <translation>기본값 ({0})</translation>
    </message>
    <message>
      <location filename="ui/plots/marks.py" line="85" />
      <source>early stop: weights of epoch {0} restored</source>
      <translation>조기 종료: 에포크 {0}의 가중치로 되돌림</translation>
    </message>
    <message>
      <location filename="ui/training/controller.py" line="245" />
      <source>exit code {0}</source>
      <translation>종료 코드 {0}</translation>
    </message>
    <message>
      <location filename="ui/editor/scene.py" line="508" />
      <source>feature: {0}</source>
      <translation>특성: {0}</translation>
    </message>
    <message>
      <location filename="ui/data/plot.py" line="182" />
      <source>filled: training points · hollow: test points</source>
      <translation>채운 점: 학습 · 빈 점: 테스트</translation>
    </message>
    <message>
      <location filename="ui/data/import_dialog.py" line="185" />
      <source>first row is the header</source>
      <translation>첫 행은 머리글</translation>
    </message>
    <message>
      <location filename="ui/editor/scene.py" line="301" />
      <source>follows the data</source>
      <translation>데이터에 따름</translation>
    </message>
    <message>
      <location filename="ui/mathviews/gallery.py" line="95" />
      <source>f′ = 0 everywhere</source>
      <translation>어디서나 f′ = 0</translation>
    </message>
    <message>
      <location filename="ui/experiments/grid_dock.py" line="576" />
      <source>gap</source>
      <translation>차이</translation>
    </message>
    <message>
      <location filename="ui/training/controller.py" line="243" />
      <source>killed by signal {0}</source>
      <translation>신호 {0}(으)로 강제 종료됨</translation>
    </message>
    <message>
      <location filename="ui/plots/gradients.py" line="44" />
      <source>latest</source>
      <translation>최근 값</translation>
    </message>
    <message>
      <location filename="ui/data/plot.py" line="184" />
      <source>left click adds a point, right click removes the nearest one</source>
      <translation>왼쪽 클릭: 점 추가, 오른쪽 클릭: 가장 가까운 점 제거</translation>
    </message>
    <message>
      <location filename="ui/editor/scene.py" line="490" />
      <source>line width {0:.1f} of {1:g} px (widest from |w| = {2:g}, the same scale in every layer)</source>
      <translation>선 굵기 {0:.1f} / {1:g} px (|w| = {2:g}부터 가장 굵음, 모든 층에 같은 눈금)</translation>
    </message>
    <message>
      <location filename="ui/experiments/grid_dock.py" line="569" />
      <source>lr {value:g}</source>
      <translation>학습률 {value:g}</translation>
    </message>
    <message>
      <location filename="ui/mathviews/gallery.py" line="98" />
      <source>max f′ = {0}</source>
      <translation>f′ 최댓값 = {0}</translation>
    </message>
    <message>
      <location filename="ui/mathviews/gallery.py" line="97" />
      <source>max f′ → {0} (large z)</source>
      <translation>f′ 최댓값 → {0} (z가 클 때)</translation>
    </message>
    <message>
      <location filename="ui/plots/gradients.py" line="41" />
      <source>mean |∂E/∂W|</source>
      <translation>평균 |∂E/∂W|</translation>
    </message>
    <message>
      <location filename="ui/experiments/grid_dock.py" line="215" />
      <source>measure</source>
      <translation>측정값</translation>
    </message>
    <message>
      <location filename="ui/data/plot.py" line="157" />
      <source>misclassified: w ← w + η(t − o)·x moved the line</source>
      <translation>잘못 분류됨: w ← w + η(t − o)·x 로 직선이 움직였습니다</translation>
    </message>
    <message>
      <location filename="ui/training/controller.py" line="247" />
      <source>no exit status</source>
      <translation>종료 상태 없음</translation>
    </message>
    <message>
      <location filename="ui/data/import_dialog.py" line="185" />
      <source>no header row</source>
      <translation>머리글 행 없음</translation>
    </message>
    <message>
      <location filename="ui/training/bar.py" line="83" />
      <source>no limit</source>
      <translation>제한 없음</translation>
    </message>
    <message>
      <location filename="ui/experiments/grid_dock.py" line="142" />
      <location filename="ui/training/panel.py" line="164" />
      <source>off</source>
      <translation>끔</translation>
    </message>
    <message>
      <location filename="ui/plots/output.py" line="263" />
      <source>output</source>
      <translation>출력</translation>
    </message>
    <message>
      <location filename="ui/editor/scene.py" line="520" />
      <source>output range: {0:.3f} … {1:.3f}</source>
      <translation>출력 범위: {0:.3f} … {1:.3f}</translation>
    </message>
    <message>
      <location filename="ui/plots/activation.py" line="40" />
      <source>pre-activation z = x·W + b</source>
      <translation>활성화 전 값 z = x·W + b</translation>
    </message>
    <message>
      <location filename="ui/plots/activation.py" line="51" />
      <source>pre-activations now</source>
      <translation>현재 활성화 전 값</translation>
    </message>
    <message>
      <location filename="ui/plots/output.py" line="271" />
      <source>predicted class</source>
      <translation>예측 클래스</translation>
    </message>
    <message>
      <location filename="ui/plots/output.py" line="268" />
      <source>predicted value</source>
      <translation>예측값</translation>
    </message>
    <message>
      <location filename="ui/data/panel.py" line="538" />
      <source>regression</source>
      <translation>회귀</translation>
    </message>
    <message>
      <location filename="ui/data/import_dialog.py" line="228" />
      <source>regression of {0}</source>
      <translation>{0} 회귀</translation>
    </message>
    <message>
      <location filename="ui/editor/scene.py" line="487" />
      <source>removed (Ctrl+click to restore)</source>
      <translation>제거됨 (Ctrl+클릭으로 복원)</translation>
    </message>
    <message>
      <location filename="ui/training/panel.py" line="173" />
      <source>restore best</source>
      <translation>최적 가중치 복원</translation>
    </message>
    <message>
      <location filename="ui/plots/activation.py" line="101" />
      <source>saturated: {0:.0%}</source>
      <translation>포화: {0:.0%}</translation>
    </message>
    <message>
      <location filename="ui/experiments/grid_dock.py" line="571" />
      <source>seed {value}</source>
      <translation>시드 {value}</translation>
    </message>
    <message>
      <location filename="ui/editor/view.py" line="183" />
      <source>select a hidden layer first</source>
      <translation>먼저 은닉층을 선택하세요</translation>
    </message>
    <message>
      <location filename="ui/data/import_dialog.py" line="182" />
      <source>semicolon</source>
      <translation>세미콜론</translation>
    </message>
    <message>
      <location filename="ui/plots/activation.py" line="42" />
      <source>share of values</source>
      <translation>값의 비율</translation>
    </message>
    <message>
      <location filename="ui/plots/weights.py" line="23" />
      <source>share of weights</source>
      <translation>가중치 비율</translation>
    </message>
    <message>
      <location filename="ui/data/import_dialog.py" line="182" />
      <source>tab</source>
      <translation>탭</translation>
    </message>
    <message>
      <location filename="ui/data/table_model.py" line="88" />
      <source>test</source>
      <translation>테스트</translation>
    </message>
    <message>
      <location filename="ui/experiments/grid_dock.py" line="577" />
      <source>test R²</source>
      <translation>테스트 R²</translation>
    </message>
    <message>
      <location filename="ui/experiments/grid_dock.py" line="577" />
      <source>test accuracy</source>
      <translation>테스트 정확도</translation>
    </message>
    <message>
      <location filename="ui/experiments/grid_dock.py" line="575" />
      <source>test loss</source>
      <translation>테스트 손실</translation>
    </message>
    <message>
      <location filename="ui/explain/panel.py" line="64" />
      <source>test row </source>
      <translation>테스트 행 </translation>
    </message>
    <message>
      <location filename="ui/training/backend.py" line="65" />
      <source>the CuPy library is not installed (it needs an NVIDIA graphics card and the app's optional "gpu" extra).</source>
      <translation>CuPy 라이브러리가 설치되어 있지 않습니다(NVIDIA 그래픽 카드와 이 앱의 선택 설치 항목 "gpu"가 필요합니다).</translation>
    </message>
    <message>
      <location filename="ui/editor/scene.py" line="617" />
      <source>the input and output layers follow the data and cannot be moved</source>
      <translation>입력층과 출력층은 데이터를 따르므로 옮길 수 없습니다</translation>
    </message>
    <message>
      <location filename="ui/editor/view.py" line="186" />
      <source>the input layer follows the data's features</source>
      <translation>입력층은 데이터의 특성을 따릅니다</translation>
    </message>
    <message>
      <location filename="ui/editor/controller.py" line="83" />
      <source>the input layer follows the data's {0} features</source>
      <translation>입력층은 데이터의 특성 {0}개를 따릅니다</translation>
    </message>
    <message>
      <location filename="ui/files/manager.py" line="341" />
      <source>the last autosave</source>
      <translation>마지막 자동 저장</translation>
    </message>
    <message>
      <location filename="ui/lessons/classroom.py" line="147" />
      <source>the lesson</source>
      <translation>수업</translation>
    </message>
    <message>
      <location filename="ui/editor/controller.py" line="57" />
      <source>the network needs at least one input</source>
      <translation>신경망에는 입력이 하나 이상 있어야 합니다</translation>
    </message>
    <message>
      <location filename="ui/editor/controller.py" line="75" />
      <source>the output layer follows the data's targets; it cannot be moved or removed</source>
      <translation>출력층은 데이터의 목표값을 따르므로 옮기거나 삭제할 수 없습니다</translation>
    </message>
    <message>
      <location filename="ui/editor/controller.py" line="87" />
      <source>the output layer follows the data's {0} targets</source>
      <translation>출력층은 데이터의 목표값 {0}개를 따릅니다</translation>
    </message>
    <message>
      <location filename="ui/editor/controller.py" line="116" />
      <source>the output layer stays last</source>
      <translation>출력층은 항상 마지막입니다</translation>
    </message>
    <message>
      <location filename="ui/engine_text.py" line="34" />
      <source>the project cannot be opened: {0}</source>
      <translation>프로젝트를 열 수 없습니다: {0}</translation>
    </message>
    <message>
      <location filename="ui/editor/controller.py" line="192" />
      <source>this connection is removed; restore it before editing its weight</source>
      <translation>제거된 연결입니다. 가중치를 편집하려면 먼저 복원하세요</translation>
    </message>
    <message>
      <location filename="ui/editor/controller.py" line="202" />
      <source>this layer has no bias</source>
      <translation>이 층에는 편향이 없습니다</translation>
    </message>
    <message>
      <location filename="ui/data/table_model.py" line="88" />
      <source>train</source>
      <translation>학습</translation>
    </message>
    <message>
      <location filename="ui/experiments/grid_dock.py" line="575" />
      <source>train loss</source>
      <translation>학습 손실</translation>
    </message>
    <message>
      <location filename="ui/startup.py" line="121" />
      <source>training did not finish within {0} s</source>
      <translation>학습이 {0}초 안에 끝나지 않았습니다</translation>
    </message>
    <message>
      <location filename="ui/startup.py" line="141" />
      <source>training failed: {0}</source>
      <translation>학습 실패: {0}</translation>
    </message>
    <message>
      <location filename="ui/startup.py" line="96" />
      <source>training is not available in this window</source>
      <translation>이 창에서는 학습을 사용할 수 없습니다</translation>
    </message>
    <message>
      <location filename="ui/plots/output.py" line="272" />
      <source>true class</source>
      <translation>실제 클래스</translation>
    </message>
    <message>
      <location filename="ui/plots/output.py" line="267" />
      <source>true value</source>
      <translation>실제값</translation>
    </message>
    <message>
      <location filename="ui/training/bar.py" line="223" />
      <source>unavailable</source>
      <translation>사용 불가</translation>
    </message>
    <message>
      <location filename="ui/plots/weights.py" line="22" />
      <source>weight value</source>
      <translation>가중치 값</translation>
    </message>
    <message>
      <location filename="ui/editor/scene.py" line="239" />
      <source>weights: colour and width grow with |w|, full at |w| ≥ {0:g}</source>
      <translation>가중치: |w|가 클수록 색이 진하고 선이 굵어짐 (|w| ≥ {0:g}에서 최대)</translation>
    </message>
    <message>
      <location filename="ui/experiments/grid_dock.py" line="580" />
      <source>worst: {run} — {measure} {value}</source>
      <translation>최저: {run} — {measure} {value}</translation>
    </message>
    <message>
      <location filename="ui/experiments/grid_dock.py" line="214" />
      <source>x</source>
      <translation>x</translation>
    </message>
    <message>
      <location filename="ui/experiments/grid_dock.py" line="214" />
      <source>y</source>
      <translation>y</translation>
    </message>
    <message>
      <location filename="ui/mathviews/gallery.py" line="44" />
      <source>z·σ(z): its slope rises a little above 1 and stays near 1 for large z, so gradients survive deep networks about as well as with ReLU.</source>
      <translation>z·σ(z): 기울기가 1보다 조금 커졌다가 z가 크면 1 가까이 유지되어, ReLU와 비슷하게 깊은 신경망에서도 기울기가 살아남습니다.</translation>
    </message>
    <message>
      <location filename="ui/training/bar.py" line="232" />
      <source>{0:g} epoch/s</source>
      <translation>{0:g} 에포크/초</translation>
    </message>
    <message>
      <location filename="ui/training/bar.py" line="232" />
      <source>{0:g} epochs/s</source>
      <translation>{0:g} 에포크/초</translation>
    </message>
    <message>
      <location filename="ui/training/bar.py" line="231" />
      <source>{0:g} sample/s</source>
      <translation>{0:g} 샘플/초</translation>
    </message>
    <message>
      <location filename="ui/training/bar.py" line="231" />
      <source>{0:g} samples/s</source>
      <translation>{0:g} 샘플/초</translation>
    </message>
    <message>
      <location filename="ui/experiments/compare.py" line="316" />
      <source>{0} (compare)</source>
      <translation>{0} (비교)</translation>
    </message>
    <message>
      <location filename="ui/data/panel.py" line="536" />
      <source>{0} classes ({1})</source>
      <translation>클래스 {0}개 ({1})</translation>
    </message>
    <message>
      <location filename="ui/mathviews/matrix.py" line="431" />
      <source>{0} feeds every unit of this layer through its row of W.</source>
      <translation>{0}은(는) W의 해당 행을 거쳐 이 층의 모든 뉴런에 입력됩니다.</translation>
    </message>
    <message>
      <location filename="ui/files/manager.py" line="476" />
      <source>{0} files written to {1}</source>
      <translation>파일 {0}개를 {1}에 저장했습니다</translation>
    </message>
    <message>
      <location filename="ui/editor/scene.py" line="516" />
      <source>{0} inputs, |w| max {1:.3f}</source>
      <translation>입력 {0}개, |w| 최대 {1:.3f}</translation>
    </message>
    <message>
      <location filename="ui/editor/items.py" line="202" />
      <source>{0} more neurons are not drawn; this layer has {1}.</source>
      <translation>뉴런 {0}개는 그리지 않았습니다. 이 층의 뉴런은 {1}개입니다.</translation>
    </message>
    <message>
      <location filename="ui/data/panel.py" line="539" />
      <source>{0} rows · {1} inputs · {2} · {3} for training</source>
      <translation>{0}행 · 입력 {1}개 · {2} · 훈련용 {3}</translation>
    </message>
    <message>
      <location filename="ui/data/import_dialog.py" line="229" />
      <source>{0} rows, {1} input features: {2}.</source>
      <translation>{0}행, 입력 특성 {1}개: {2}.</translation>
    </message>
    <message>
      <location filename="ui/editor/neuron_view.py" line="163" />
      <source>{0} · activation: {1}</source>
      <translation>{0} · 활성화함수: {1}</translation>
    </message>
    <message>
      <location filename="ui/experiments/compare.py" line="82" />
      <source>{0}, λ = {1}</source>
      <translation>{0}, λ = {1}</translation>
    </message>
    <message>
      <location filename="ui/engine_text.py" line="35" />
      <source>{0}: cannot read the lesson: {1}</source>
      <translation>{0}: 수업 파일을 읽을 수 없습니다: {1}</translation>
    </message>
    <message>
      <location filename="ui/engine_text.py" line="36" />
      <source>{0}: field '{1}': missing</source>
      <translation>{0}: 항목 '{1}'이(가) 없습니다</translation>
    </message>
    <message>
      <location filename="ui/engine_text.py" line="37" />
      <source>{0}: field '{1}': {2}</source>
      <translation>{0}: 항목 '{1}': {2}</translation>
    </message>
    <message>
      <location filename="ui/lessons/panel.py" line="166" />
      <source>{0}: this view is not available in this version yet.</source>
      <translation>{0}: 이 보기는 이 버전에 아직 없습니다.</translation>
    </message>
    <message>
      <location filename="ui/experiments/grid_dock.py" line="416" />
      <source>{done} / {total} runs</source>
      <translation>{done} / {total}회 실행</translation>
    </message>
    <message>
      <location filename="ui/experiments/grid_dock.py" line="90" />
      <source>{n:.0f} min</source>
      <translation>{n:.0f}분</translation>
    </message>
    <message>
      <location filename="ui/experiments/grid_dock.py" line="88" />
      <source>{n:.0f} s</source>
      <translation>{n:.0f}초</translation>
    </message>
    <message>
      <location filename="ui/experiments/grid_dock.py" line="91" />
      <source>{n:.1f} h</source>
      <translation>{n:.1f}시간</translation>
    </message>
    <message>
      <location filename="ui/experiments/grid_dock.py" line="654" />
      <source>{n} runs saved with the project</source>
      <translation>프로젝트에 저장된 실행 {n}회</translation>
    </message>
    <message>
      <location filename="ui/experiments/grid_dock.py" line="396" />
      <source>{n} runs, about {time}</source>
      <translation>{n}회 실행, 약 {time}</translation>
    </message>
    <message>
      <location filename="ui/experiments/grid_dock.py" line="324" />
      <source>{n} runs; estimating the time...</source>
      <translation>{n}회 실행, 시간 추정 중...</translation>
    </message>
    <message>
      <location filename="ui/experiments/grid_dock.py" line="417" />
      <source>{time} left</source>
      <translation>{time} 남음</translation>
    </message>
    <message>
      <location filename="ui/experiments/grid_dock.py" line="81" />
      <source>{what}: write numbers separated by spaces or commas</source>
      <translation>{what}: 숫자를 공백이나 쉼표로 구분해 쓰세요</translation>
    </message>
    <message>
      <location filename="ui/mathviews/stepper.py" line="147" />
      <source>◀ Back</source>
      <translation>◀ 뒤로</translation>
    </message>
    <message>
      <location filename="ui/lessons/panel.py" line="116" />
      <source>◀ Previous</source>
      <translation>◀ 이전</translation>
    </message>
  </context>
</TS>
