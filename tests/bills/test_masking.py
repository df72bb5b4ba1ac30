"""Masking rules for names, addresses, meter, phone and account numbers (pure functions)."""
import pytest

from kiosk.bills.masking import clusters, mask_account, mask_address, mask_meter, mask_name, mask_phone


@pytest.mark.parametrize("name, masked", [
    ("", ""),
    ("王", "*"),
    ("张三", "张*"),
    ("张三明", "张*明"),
    ("欧阳明月", "欧**月"),
    ("  张三明 ", "张*明"),
    ("买买提·艾力", "买**·*力"),
    ("John Smith", "J*** ****h"),
    ("Li", "L*"),
    ("ئابدۇرېھىم", "ئ********م"),
    ("ئابدۇرېھىم سىناق", "ئ********* ****ق"),
    ("བཀྲ་ཤིས", "བ*་*ས"),
    ("བཀྲ་ཤིས་དཔེ", "བ*་**་*པེ"),
])
def test_mask_name(name, masked):
    assert mask_name(name) == masked


def test_tibetan_stacks_stay_whole():
    # ཀྲ is one written character (a subjoined letter): masked as one star, never split
    assert clusters("བཀྲ") == ["བ", "ཀྲ"]
    assert "ྲ" not in mask_name("བཀྲ་ཤིས")


@pytest.mark.parametrize("address, masked", [
    ("示范市示范区光明路18号3栋2单元501室", "示范市示范区光明路**号*栋*单元***室"),
    ("示范区建设大道188号A座1203", "示范区建设大道***号*座****"),
    ("示范市二七区幸福街6号", "示范市二七区幸福街*号"),
    ("示范市示范区和平巷9号三栋二单元401室", "示范市示范区和平巷*号*栋*单元***室"),
    ("示范市东区滨江道5号", "示范市东区滨江道*号"),
    ("示范省示范市示范县示范镇示范村光明路幸福小区东门进入左转第三栋楼二单元１２０３室",
     "示范省示范市示范县示范镇示范村光明路幸福小区东门进入左转第*栋楼*单元****室"),
    ("18 Guangming Road, Building 3", "** Guangming Road, Building *"),
    ("ئۈرۈمچى 12-ئۆي", "ئۈرۈمچى **-ئۆي"),
    ("", ""),
])
def test_mask_address(address, masked):
    assert mask_address(address) == masked


@pytest.mark.parametrize("meter, masked", [
    ("3301700000003", "*********0003"), ("12345", "*2345"), ("1234", "****"), ("", ""), (None, "")])
def test_mask_meter(meter, masked):
    assert mask_meter(meter) == masked


@pytest.mark.parametrize("phone, masked", [
    ("13812345678", "138****5678"), ("138-1234-5678", "138****5678"), ("+86 138 1234 5678", "138****5678"),
    ("1234567", "*******"), (None, "")])
def test_mask_phone(phone, masked):
    assert mask_phone(phone) == masked


def test_mask_account_keeps_last_four():
    assert mask_account("3300000003") == "******0003"
