"""CSV import: encodings, detection rules, and a DataError with a location for bad input."""

import codecs
import random

import numpy as np
import pytest

from simulator.datasets import Dataset, load_csv, read_csv_preview
from simulator.errors import DataError

KOREAN = "키,몸무게,성별\n170,65,남\n160,50,여\n175,70,남\n158,48,여\n"


def write(tmp_path, content, name="data.csv", encoding="utf-8"):
    p = tmp_path / name
    p.write_bytes(content if isinstance(content, bytes) else content.encode(encoding))
    return p


# -- reading good files ----------------------------------------------------------------------
@pytest.mark.parametrize("encoding, expected", [("utf-8", "utf-8"), ("utf-8-sig", "utf-8-sig"),
                                                ("cp949", "cp949"), ("utf-16", "utf-16")])
def test_korean_headers_in_every_encoding(tmp_path, encoding, expected):
    p = write(tmp_path, KOREAN, encoding=encoding)
    ds = load_csv(p, target="성별")
    assert ds.feature_names == ("키", "몸무게")
    assert ds.task == "classification" and ds.class_names == ("남", "여")
    assert ds.Y[:, 0].tolist() == [0, 1, 0, 1]  # two classes: one 0/1 column
    assert ds.X.tolist() == [[170, 65], [160, 50], [175, 70], [158, 48]]
    assert read_csv_preview(p).encoding == expected


def test_cp949_with_crlf_and_semicolons(tmp_path):
    text = "이름;점수;합격\r\n1,5;80;예\r\n2,5;40;아니오\r\n3;90;예\r\n"
    ds = load_csv(write(tmp_path, text, encoding="cp949"))  # last column is the default target
    assert ds.X.tolist() == [[1.5, 80], [2.5, 40], [3, 90]]  # decimal commas accepted with ';'
    assert ds.class_names == ("아니오", "예") and ds.labels.tolist() == [1, 0, 1]


def test_text_labels_become_one_hot(tmp_path):
    p = write(tmp_path, "a,b,kind\n1,2,cat\n3,4,dog\n5,6,bird\n7,8,cat\n")
    ds = load_csv(p, target="kind")
    assert ds.class_names == ("bird", "cat", "dog")
    assert ds.Y.tolist() == [[0, 1, 0], [0, 0, 1], [1, 0, 0], [0, 1, 0]]


def test_target_by_index_and_several_regression_targets(tmp_path):
    p = write(tmp_path, "y1,x,y2\n1.5,1,10\n2.5,2,20\n3.5,3,30\n")
    assert load_csv(p, target=0).feature_names == ("x", "y2")
    assert load_csv(p, target=-1).target_names == ("y2",)
    ds = load_csv(p, target=["y1", "y2"])
    assert ds.task == "regression" and ds.target_names == ("y1", "y2")
    assert ds.feature_names == ("x",) and ds.Y.tolist() == [[1.5, 10], [2.5, 20], [3.5, 30]]


def test_auto_task_rule(tmp_path):
    few_ints = write(tmp_path, "x,y\n" + "".join(f"{i},{i % 3 + 1}\n" for i in range(30)))
    ds = load_csv(few_ints)
    assert ds.task == "classification" and ds.class_names == ("1", "2", "3")
    many = write(tmp_path, "x,y\n" + "".join(f"{i},{i}\n" for i in range(30)), "b.csv")
    assert load_csv(many).task == "regression"
    floats = write(tmp_path, "x,y\n1,0.5\n2,1.5\n3,0.5\n", "c.csv")
    assert load_csv(floats).task == "regression"
    assert load_csv(floats, task="classification").class_names == ("0.5", "1.5")
    assert load_csv(few_ints, task="regression").task == "regression"


def test_numeric_class_labels_sort_as_numbers(tmp_path):
    p = write(tmp_path, "x,y\n1,10\n2,9\n3,2\n4,10.0\n")
    ds = load_csv(p, task="classification")
    assert ds.class_names == ("2", "9", "10") and ds.labels.tolist() == [2, 1, 0, 2]


def test_header_and_delimiter_detection(tmp_path):
    no_header = write(tmp_path, "1\t2\t0\n3\t4\t1\n5\t6\t1\n")
    ds = load_csv(no_header)
    assert ds.feature_names == ("col1", "col2") and len(ds) == 3
    text_label = write(tmp_path, "5.1,3.5,setosa\n4.9,3.0,virginica\n", "t.csv")
    assert len(load_csv(text_label)) == 2  # a text class column is not a header
    forced = write(tmp_path, "1,2,3\n4,5,6\n7,8,9\n", "f.csv")
    assert load_csv(forced, header=True).feature_names == ("1", "2")
    pv = read_csv_preview(no_header)
    assert not pv.has_header and pv.delimiter == "\t" and pv.columns == ["col1", "col2", "col3"]


def test_blank_lines_quotes_spaces_and_trailing_delimiter(tmp_path):
    text = '\n"a", b ,"c, text"\n\n 1 , 2 ,"x"\n3,4,y\n\n'
    ds = load_csv(write(tmp_path, text))
    assert ds.feature_names == ("a", "b") and ds.class_names == ("x", "y")
    trailing = write(tmp_path, "a,b,c,\n1,2,0,\n3,4,1,\n", "t.csv")
    assert load_csv(trailing).feature_names == ("a", "b")


def test_preview(tmp_path):
    p = write(tmp_path, "a;b;c\n" + "".join(f"{i};{i};{i % 2}\n" for i in range(100)))
    pv = read_csv_preview(p, rows=5)
    assert pv.columns == ["a", "b", "c"] and pv.has_header and pv.delimiter == ";"
    assert pv.rows == [[str(i), str(i), str(i % 2)] for i in range(5)]
    ragged = write(tmp_path, "a,b\n1,2\n3\n", "r.csv")
    assert read_csv_preview(ragged).rows == [["1", "2"], ["3"]]  # shown, not fixed
    with pytest.raises(DataError, match="not found"):
        read_csv_preview(tmp_path / "nope.csv")


def test_result_is_a_dataset_named_after_the_file(tmp_path):
    ds = load_csv(write(tmp_path, KOREAN, "키몸무게.csv"))
    assert isinstance(ds, Dataset) and ds.name == "키몸무게" and "4 rows" in ds.description


# -- every bad input: DataError with what and where -----------------------------------------
BAD = [
    # (file content, load_csv kwargs, regex the message must match)
    (b"", {}, "empty"),
    (b"\n\n  \n", {}, "empty"),
    ("a,b,c\n", {}, "header row but no data"),
    ("a,b,c\n1,2,0\n3,4\n", {}, r"row 3 has 2 values.*3 columns"),
    ("a,b,c\n1,2,0\n3,4,1,9\n", {}, "row 3 has 4 values"),
    ("a,b,c\n1,2,0\n3,abc,1\n", {}, r"row 3, column 'b': 'abc' is not a number"),
    ("a,b,c\n1,2,0\n3,,1\n", {}, r"row 3, column 'b'.*missing"),
    ("a,b,c\n1,NA,0\n3,4,1\n", {}, r"row 2, column 'b'.*missing"),
    ("a,b,c\n1,nan,0\n3,4,1\n", {}, r"row 2, column 'b'.*NaN"),
    ("a,b,c\n1,2,0\n\n3,inf,1\n", {}, r"row 4, column 'b'.*infinity"),
    ("a,b,c\n1,1e999,0\n3,4,1\n", {}, r"row 2, column 'b'.*too large"),
    ("a,b,c\n1,1_000,0\n3,4,1\n", {}, r"row 2, column 'b'"),
    ("a,b,c\n1,2,\n3,4,1\n", {}, r"row 2, column 'c'.*target value is missing"),
    ("a,b,c\n1,2,0\n3,4,1\n", {"target": "d"}, r"target column 'd' not found.*a, b, c"),
    ("a,b,c\n1,2,0\n3,4,1\n", {"target": 3}, "out of range"),
    ("a,b,c\n1,2,0\n3,4,1\n", {"target": ["a", "b", "c"]}, "feature column"),
    ("a,b,c\n1,2,0\n3,4,1\n", {"target": ["b", "c"], "task": "classification"},
     "only possible for regression"),
    ("a,b,c\n1,2,yes\n3,4,yes\n", {}, r"column 'c'.*same class 'yes'"),
    ("a,b,c\n1,2,0.5\n3,4,x\n", {"task": "regression"}, r"row 3, column 'c'.*not a number"),
    ("a,b,c\n" + "1,2,0\n3,4,1\n" * 4, {"max_rows": 5}, r"row 7.*more than 5 data rows"),
    ("a,a,c\n1,2,0\n3,4,1\n", {}, r"row 1.*'a' appears more than once"),
    ("a\n1\n2\n", {"header": True}, "only one column"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", {}, "binary"),
    (b"a,b,c\n1,2,0\n3,\x01\x02,1\n", {}, r"row 3.*control characters"),
    (b"a,b,c\n1,2,0\n\xff\xfe\xfd,4,1\n", {"encoding": None}, r"row 3.*neither UTF-8 nor CP949"),
    (b"a,b,c\n1,2,0\n\xea\xb0,4,1\n", {"encoding": "utf-8"}, r"row 3.*not valid utf-8"),
    (b"a,b,c\n1,2,0\n", {"encoding": "klingon"}, "unknown text encoding"),
    (b"\xef\xbb\xbfa,b\n\xff,1\n", {}, r"row 2.*UTF-8 mark"),
    (KOREAN.encode()[:-2], {}, r"row 5.*middle of a character"),
    (KOREAN.encode("cp949")[:-2], {}, r"row 5.*middle of a character"),
    (KOREAN.encode()[:30] + b"\xff" + KOREAN.encode()[30:], {}, r"row 2.*damaged"),
    ("a,b,c\n1,2,0\n", {"task": "guess"}, "task must be"),
    ("a,b,c\n1,2,0\n", {"delimiter": "|"}, "delimiter"),
]


@pytest.mark.parametrize("content, kwargs, match", BAD)
def test_bad_input_gives_data_error_with_location(tmp_path, content, kwargs, match):
    p = write(tmp_path, content)
    with pytest.raises(DataError, match=match):
        load_csv(p, **kwargs)


def test_unreadable_paths(tmp_path):
    with pytest.raises(DataError, match="not found"):
        load_csv(tmp_path / "missing.csv")
    with pytest.raises(DataError, match="folder"):
        load_csv(tmp_path)
    with pytest.raises(DataError, match="path"):
        load_csv(None)


def test_data_error_is_a_value_error():
    assert issubclass(DataError, ValueError)


# -- fuzzing: only a Dataset or a DataError, never anything else -----------------------------
def _try(path, **kwargs):
    try:
        ds = load_csv(path, **kwargs)
    except DataError:
        return None
    assert np.all(np.isfinite(ds.X)) and len(ds) > 0
    return ds


def test_fuzz_random_bytes(tmp_path):
    rng = random.Random(0)
    alphabet = b"0123456789.,;\t\n\r\"-eE abc\xea\xb0\x80\xff\x00"
    p = tmp_path / "fuzz.csv"
    for i in range(300):
        if i % 3 == 0:
            data = bytes(rng.randrange(256) for _ in range(rng.randrange(60)))
        else:
            data = bytes(rng.choice(alphabet) for _ in range(rng.randrange(80)))
        p.write_bytes(data)
        _try(p)
        _try(p, target=0, task="regression", header=False)
        try:
            read_csv_preview(p)
        except DataError:
            pass


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp949"])
def test_fuzz_truncated_files(tmp_path, encoding):
    data = (KOREAN * 3).encode(encoding)
    p = tmp_path / "cut.csv"
    for end in range(len(data) + 1):
        p.write_bytes(data[:end])
        _try(p, target="성별")
    # A file whose last row was cut short is reported, not silently shortened.
    p.write_bytes("a,b,c\n1,2,0\n3,4,1\n5,".encode(encoding))
    with pytest.raises(DataError, match="row 4"):
        load_csv(p)


def test_large_file_respects_row_limit_quickly(tmp_path):
    rows = "".join(f"{i},{i * 0.5},{i % 2}\n" for i in range(20_000))
    p = write(tmp_path, "a,b,c\n" + rows)
    ds = load_csv(p)
    assert ds.X.shape == (20_000, 2)
    with pytest.raises(DataError, match="more than 19,999"):
        load_csv(p, max_rows=19_999)
    assert codecs.lookup("cp949")  # the platform has the Korean codec


# -- issue 17 defect 6: linear time, bounded memory ------------------------------------------
def test_duplicate_name_among_100000_columns_is_found_at_once(tmp_path):
    from tests import hostile_files as hf
    path = hf.duplicate_columns_csv(tmp_path / "dup.csv")
    exc = hf.bounded(lambda: load_csv(path), seconds=10, megabytes=200)  # was 76 s
    assert isinstance(exc, DataError) and "'c99998' appears more than once" in str(exc)
    assert "columns 99999, 100000" in str(exc)


def test_300000_trailing_empty_columns_are_dropped_at_once(tmp_path):
    from tests import hostile_files as hf
    path = hf.trailing_empty_csv(tmp_path / "tail.csv")
    out = {}
    exc = hf.bounded(lambda: out.setdefault("d", load_csv(path)), seconds=10, megabytes=300)
    assert exc is None  # it never finished
    assert out["d"].feature_names == ("a",) and out["d"].X[:, 0].tolist() == [0.0, 1.0, 2.0]


def test_short_fields_cost_a_small_multiple_of_the_file(tmp_path):
    """+1.7 GB for a 63 MB file: one string object (~50 bytes) per two-digit cell."""
    from tests import hostile_files as hf
    path = hf.short_fields_csv(tmp_path / "short.csv", megabytes=4, rows=6000)
    size_mb = path.stat().st_size / 2**20
    exc = hf.bounded(lambda: load_csv(path), seconds=30, megabytes=10 * size_mb)
    assert exc is None


def test_too_many_cells_are_refused(tmp_path, monkeypatch):
    from simulator.datasets import csvio
    monkeypatch.setattr(csvio, "MAX_CELLS", 100)
    path = tmp_path / "c.csv"
    path.write_text("a,b,c,d\n" + "1,2,3,0\n" * 30)
    with pytest.raises(DataError, match="more than 100 values"):
        load_csv(path)
