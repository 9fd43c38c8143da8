#!/usr/bin/env python3
# Prints the reference matrices embedded in Tests/CustodesServerTests/QRCodeTests.swift (the QRReference enum), so
# that the Swift QR encoder is checked against published encoders rather than against itself. Used once, by hand:
#   pip install qrcodegen qrcode && python3 scripts/qr-reference.py > /tmp/reference.swift
# then the output pasted over the enum. Matrices come from Nayuki's qrcodegen, which scores masks on the complete
# symbol as ISO/IEC 18004:2015 7.8.3.1 says; every forced-mask matrix is also checked here against python-qrcode.
# (segno is not used: up to 1.6.6 it pads with a spurious zero byte when the data ends on a byte boundary, which in
# byte mode is almost always; see heuer/segno#148.)
import qrcode
from qrcodegen import QrCode, QrSegment

LEVELS = {'low': (QrCode.Ecc.LOW, qrcode.constants.ERROR_CORRECT_L),
          'medium': (QrCode.Ecc.MEDIUM, qrcode.constants.ERROR_CORRECT_M),
          'quartile': (QrCode.Ecc.QUARTILE, qrcode.constants.ERROR_CORRECT_Q),
          'high': (QrCode.Ecc.HIGH, qrcode.constants.ERROR_CORRECT_H)}
OTPAUTH = 'otpauth://totp/Custodes:analyst.demo?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=Custodes'
LONG = ('otpauth://totp/Custodes%20Professional%20Standards:analyst.demo?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP'
        '&issuer=Custodes&algorithm=SHA1&digits=6&period=30')
FILLER = 'Custodes enrolment check; '
# name, text, level, mask (None: the encoder's own choice)
MATRICES = [('short', 'Custodes', 'medium', 2), ('shortQuartile', 'Custodes', 'quartile', 4),
            ('utf8High', 'Zoë – Custodes', 'high', 7), ('otpauth', OTPAUTH, 'medium', 5),
            ('long', LONG, 'low', 6), ('otpauthAutomatic', OTPAUTH, 'medium', None)]
# Automatic mask choices only: (filler bytes, level), spread over versions 1 to 10.
CHOICES = [(n, level) for level, lengths in [('low', (10, 30, 50, 100, 150, 250)), ('medium', (14, 40, 80, 120, 200)),
                                             ('quartile', (20, 45, 70, 110, 140)), ('high', (7, 30, 60, 90, 119))]
           for n in lengths]


def encode(data, level, mask):
    code = QrCode.encode_segments([QrSegment.make_bytes(data)], LEVELS[level][0], mask=-1 if mask is None else mask,
                                  boostecl=False)
    rows = [''.join('#' if code.get_module(x, y) else '.' for x in range(code.get_size()))
            for y in range(code.get_size())]
    if mask is not None:
        other = qrcode.QRCode(error_correction=LEVELS[level][1], mask_pattern=mask, border=0)
        other.add_data(qrcode.util.QRData(data, mode=qrcode.util.MODE_8BIT_BYTE))
        other.make(fit=True)
        assert rows == [''.join('#' if m else '.' for m in row) for row in other.get_matrix()], 'encoders disagree'
    return code, rows


print('enum QRReference {')
for name, text, level, mask in MATRICES:
    code, rows = encode(text.encode('utf-8'), level, mask)
    print(f'    /// Version {code.get_version()}, level {level}, mask {code.get_mask()}'
          + (' (qrcodegen\'s own choice).' if mask is None else '.'))
    print(f'    static let {name}: [String] = [')
    print(''.join(f'        "{row}",\n' for row in rows), end='')
    print('    ]\n')
print('    /// Bytes of `filler` taken, level, then the version and mask qrcodegen chose.')
print('    static let choices: [(bytes: Int, level: QRCode.ErrorCorrection, version: Int, mask: Int)] = [')
for n, level in CHOICES:
    code, _ = encode((FILLER * 20).encode()[:n], level, None)
    print(f'        ({n}, .{level}, {code.get_version()}, {code.get_mask()}),')
print('    ]\n')
print(f'    static let filler = String(repeating: "{FILLER}", count: 20)')
print('}')
