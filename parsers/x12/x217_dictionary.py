"""The X12 005010 data elements the 278 (005010X217) uses: type, minimum and maximum length.

`x217_generate` writes these into `maps/dataele.xml`, the file pyx12 reads element types and
lengths from when a map is loaded from our map directory. Only the elements our maps use are
listed; `tests/x12_278/test_map_files.py` compares them with pyx12's own table.
Types: AN string, ID coded value, N0 whole number, R decimal, DT date, TM time.
"""

from __future__ import annotations

from typing import NamedTuple


class DataElement(NamedTuple):
    data_type: str
    min_len: int
    max_len: int
    name: str


def _table(rows: str) -> dict[str, DataElement]:
    """One element a line: `number type min max name`."""
    table: dict[str, DataElement] = {}
    for line in rows.strip().splitlines():
        number, data_type, low, high, name = line.split(maxsplit=4)
        table[number] = DataElement(data_type, int(low), int(high), name)
    return table


DATA_ELEMENTS = _table("""
I01 ID 2 2 Authorization Information Qualifier
I02 AN 10 10 Authorization Information
I03 ID 2 2 Security Information Qualifier
I04 AN 10 10 Security Information
I05 ID 2 2 Interchange ID Qualifier
I06 AN 15 15 Interchange Sender ID
I07 AN 15 15 Interchange Receiver ID
I08 DT 6 6 Interchange Date
I09 TM 4 4 Interchange Time
I65 AN 1 1 Repetition Separator
I11 ID 5 5 Interchange Control Version Number
I12 N0 9 9 Interchange Control Number
I13 ID 1 1 Acknowledgment Requested
I14 ID 1 1 Interchange Usage Indicator
I15 AN 1 1 Component Element Separator
I16 N0 1 5 Number of Included Functional Groups
I17 ID 1 1 Interchange Acknowledgment Code
I18 ID 3 3 Interchange Note Code
19 AN 2 30 City Name
26 ID 2 3 Country Code
28 N0 1 9 Group Control Number
66 ID 1 2 Identification Code Qualifier
67 AN 2 80 Identification Code
81 R 1 10 Weight
93 AN 1 60 Name
96 N0 1 10 Number of Included Segments
97 N0 1 6 Number of Transaction Sets Included
98 ID 2 3 Entity Identifier Code
116 ID 3 15 Postal Code
124 AN 2 15 Application Receiver's Code
127 AN 1 50 Reference Identification
128 ID 2 3 Reference Identification Qualifier
142 AN 2 15 Application Sender's Code
143 ID 3 3 Transaction Set Identifier Code
156 ID 2 2 State or Province Code
166 AN 1 55 Address Information
234 AN 1 48 Product/Service ID
235 ID 2 2 Product/Service ID Qualifier
306 ID 1 2 Action Code
329 AN 4 9 Transaction Set Control Number
337 TM 4 8 Time
352 AN 1 80 Description
353 ID 2 2 Transaction Set Purpose Code
355 ID 2 2 Unit or Basis for Measurement Code
364 AN 1 256 Communication Number
365 ID 2 2 Communication Number Qualifier
366 ID 2 2 Contact Function Code
373 DT 8 8 Date
374 ID 3 3 Date/Time Qualifier
380 R 1 15 Quantity
455 ID 1 2 Responsible Agency Code
479 ID 2 2 Functional Identifier Code
480 AN 1 12 Version / Release / Industry Identifier Code
481 ID 1 2 Trace Type Code
509 AN 10 10 Originating Company Identifier
609 N0 1 9 Count
615 ID 1 2 Time Period Qualifier
616 N0 1 3 Number of Periods
628 AN 1 12 Hierarchical ID Number
640 ID 2 2 Transaction Type Code
673 ID 2 2 Quantity Qualifier
678 ID 1 2 Ship/Delivery or Calendar Pattern Code
679 ID 1 1 Ship/Delivery Pattern Time Code
706 ID 2 2 Entity Relationship Code
734 AN 1 12 Hierarchical Parent ID Number
735 ID 1 2 Hierarchical Level Code
736 ID 1 1 Hierarchical Child Code
755 ID 2 2 Report Type Code
756 ID 1 2 Report Transmission Code
757 N0 1 2 Report Copies Needed
782 R 1 18 Monetary Amount
889 ID 1 1 Follow-up Action Code
901 ID 2 2 Reject Reason Code
923 ID 1 1 Prognosis Code
933 AN 1 264 Free-form Message Text
934 ID 2 2 Printer Carriage Control Code
309 ID 1 2 Location Qualifier
310 AN 1 30 Location Identifier
443 AN 1 20 Contact Inquiry Reference
559 ID 2 2 Agency Qualifier Code
584 ID 2 2 Employment Status Code
875 ID 3 3 Maintenance Type Code
1165 ID 1 1 Confidentiality Code
1203 ID 2 3 Maintenance Reason Code
1216 ID 1 1 Benefit Status Code
1218 ID 1 1 Medicare Plan Code
1219 ID 1 2 Consolidated Omnibus Budget Reconciliation Act (COBRA) Qualifying
1220 ID 1 1 Student Status Code
1328 N0 1 2 Diagnosis Code Pointer
799 AN 1 30 Version Identifier
1005 ID 4 4 Hierarchical Structure Code
1035 AN 1 60 Name Last or Organization Name
1036 AN 1 35 Name First
1037 AN 1 25 Name Middle
1038 AN 1 10 Name Prefix
1039 AN 1 10 Name Suffix
1065 ID 1 1 Entity Type Qualifier
1068 ID 1 1 Gender Code
1069 ID 2 2 Individual Relationship Code
1073 ID 1 1 Yes/No Condition or Response Code
1136 ID 2 2 Code Category
1167 R 1 6 Sample Selection Modulus
1213 ID 1 1 Current Health Condition Code
1221 ID 1 3 Provider Code
1250 ID 2 3 Date Time Period Format Qualifier
1251 AN 1 35 Date Time Period
1270 ID 1 3 Code List Qualifier Code
1271 AN 1 30 Industry Code
1314 ID 1 1 Admission Source Code
1315 ID 1 1 Admission Type Code
1316 ID 1 1 Ambulance Transport Code
1317 ID 1 1 Ambulance Transport Reason Code
1321 ID 2 3 Condition Indicator
1322 ID 1 1 Certification Type Code
1325 ID 1 1 Claim Frequency Type Code
1331 AN 1 2 Facility Code Value
1332 ID 1 2 Facility Code Qualifier
1337 ID 1 1 Level of Care Code
1338 ID 1 3 Level of Service Code
1339 AN 2 2 Procedure Modifier
1342 ID 1 1 Nature of Condition Code
1345 ID 1 1 Nursing Home Residential Status Code
1348 ID 1 1 Oxygen Equipment Type Code
1349 ID 1 1 Oxygen Test Condition Code
1350 ID 1 1 Oxygen Test Findings Code
1352 ID 1 2 Patient Status Code
1358 ID 1 1 Prosthesis, Crown or Inlay Code
1361 ID 1 3 Oral Cavity Designation Code
1362 ID 2 3 Related-Causes Code
1363 ID 1 1 Release of Information Code
1365 ID 1 2 Service Type Code
1367 ID 2 3 Subluxation Level Code
1369 ID 1 2 Tooth Surface Code
1371 R 1 10 Unit Rate
1382 ID 1 1 Oxygen Delivery System Code
1384 ID 1 1 Patient Location Code
1470 N0 1 9 Number
1525 ID 1 2 Request Category Code
1705 AN 1 35 Implementation Convention Reference
1715 ID 1 3 Country Subdivision Code
""")
