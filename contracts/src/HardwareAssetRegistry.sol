// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {ERC721} from "@openzeppelin/contracts/token/ERC721/ERC721.sol";
import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";

/// @notice One ERC-721 token per financed machine group ("64x H100 SXM, Ashburn"; "40 AMRs, Rotterdam"), held by
/// the pool that financed it, with what the machines are, who runs them, their status, and periodic utilization.
contract HardwareAssetRegistry is ERC721, AccessControl {
    enum Kind {
        GpuCluster,
        RobotFleet,
        Other
    }

    enum Status {
        Pending,
        Active,
        Maintenance,
        Retired,
        Impaired
    }

    struct Asset {
        Kind kind;
        Status status;
        uint32 units;
        address operator;
        address pool;
        string model;
        string location;
        string metadataURI;
    }

    struct UtilizationReport {
        uint256 assetId;
        uint64 periodStart;
        uint64 periodEnd;
        uint16 utilizationBps;
    }

    /// @notice May register assets and change their status (the protocol's pool managers).
    bytes32 public constant REGISTRAR_ROLE = keccak256("REGISTRAR_ROLE");
    /// @notice May report utilization for any asset (an operator may always report for its own).
    bytes32 public constant REPORTER_ROLE = keccak256("REPORTER_ROLE");

    uint16 public constant MAX_BPS = 10_000;

    uint256 public assetCount;
    mapping(uint256 assetId => Asset) private _assets;

    event AssetRegistered(
        uint256 indexed assetId,
        address indexed pool,
        address indexed operator,
        Kind kind,
        string model,
        uint32 units,
        string location,
        string metadataURI
    );
    event AssetStatusChanged(uint256 indexed assetId, Status previousStatus, Status status);
    event AssetMetadataUpdated(uint256 indexed assetId, string metadataURI);
    event UtilizationReported(
        uint256 indexed assetId, uint64 periodStart, uint64 periodEnd, uint16 utilizationBps, address reporter
    );

    error UnknownAsset(uint256 assetId);
    error InvalidAsset();
    error InvalidPeriod(uint64 periodStart, uint64 periodEnd);
    error InvalidUtilization(uint16 utilizationBps);
    error NotOperatorOrReporter(uint256 assetId, address caller);

    constructor(address admin) ERC721("Machine Yield Hardware", "MYHW") {
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
    }

    /// @notice Registers a machine group financed by `pool` and run by `operator`; the token goes to the pool.
    function registerAsset(
        address pool,
        address operator,
        Kind kind,
        string calldata model,
        uint32 units,
        string calldata location,
        string calldata metadataURI
    ) external onlyRole(REGISTRAR_ROLE) returns (uint256 assetId) {
        if (pool == address(0) || operator == address(0) || units == 0 || bytes(model).length == 0) {
            revert InvalidAsset();
        }
        assetId = ++assetCount;
        _assets[assetId] = Asset({
            kind: kind,
            status: Status.Pending,
            units: units,
            operator: operator,
            pool: pool,
            model: model,
            location: location,
            metadataURI: metadataURI
        });
        // _mint, not _safeMint: pools hold machine tokens without implementing a receiver hook.
        _mint(pool, assetId);
        emit AssetRegistered(assetId, pool, operator, kind, model, units, location, metadataURI);
    }

    function setStatus(uint256 assetId, Status status) external onlyRole(REGISTRAR_ROLE) {
        Asset storage asset = _existing(assetId);
        Status previous = asset.status;
        asset.status = status;
        emit AssetStatusChanged(assetId, previous, status);
    }

    function setMetadataURI(uint256 assetId, string calldata metadataURI) external onlyRole(REGISTRAR_ROLE) {
        _existing(assetId).metadataURI = metadataURI;
        emit AssetMetadataUpdated(assetId, metadataURI);
    }

    /// @notice Utilization of an asset over a past period, in basis points of its capacity.
    function reportUtilization(uint256 assetId, uint64 periodStart, uint64 periodEnd, uint16 utilizationBps) public {
        Asset storage asset = _existing(assetId);
        if (msg.sender != asset.operator && !hasRole(REPORTER_ROLE, msg.sender)) {
            revert NotOperatorOrReporter(assetId, msg.sender);
        }
        if (periodEnd <= periodStart || periodEnd > block.timestamp) revert InvalidPeriod(periodStart, periodEnd);
        if (utilizationBps > MAX_BPS) revert InvalidUtilization(utilizationBps);
        emit UtilizationReported(assetId, periodStart, periodEnd, utilizationBps, msg.sender);
    }

    function reportUtilizationBatch(UtilizationReport[] calldata reports) external {
        for (uint256 i = 0; i < reports.length; i++) {
            UtilizationReport calldata r = reports[i];
            reportUtilization(r.assetId, r.periodStart, r.periodEnd, r.utilizationBps);
        }
    }

    function getAsset(uint256 assetId) external view returns (Asset memory) {
        return _existingView(assetId);
    }

    function poolOf(uint256 assetId) external view returns (address) {
        return _existingView(assetId).pool;
    }

    function operatorOf(uint256 assetId) external view returns (address) {
        return _existingView(assetId).operator;
    }

    function statusOf(uint256 assetId) external view returns (Status) {
        return _existingView(assetId).status;
    }

    function tokenURI(uint256 assetId) public view override returns (string memory) {
        return _existingView(assetId).metadataURI;
    }

    function supportsInterface(bytes4 interfaceId) public view override(ERC721, AccessControl) returns (bool) {
        return super.supportsInterface(interfaceId);
    }

    function _existing(uint256 assetId) private view returns (Asset storage asset) {
        asset = _assets[assetId];
        if (asset.pool == address(0)) revert UnknownAsset(assetId);
    }

    function _existingView(uint256 assetId) private view returns (Asset storage) {
        return _existing(assetId);
    }
}
