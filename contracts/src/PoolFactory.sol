// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {FinancingPool} from "./FinancingPool.sol";
import {
    PoolStorage,
    POOL_MAX_PROTOCOL_FEE_BPS,
    POOL_MIN_STREAM_DURATION,
    POOL_MAX_STREAM_DURATION
} from "./pool/PoolStorage.sol";
import {HardwareAssetRegistry} from "./HardwareAssetRegistry.sol";

/// @notice Registers the operators that need financing (projects) and creates one FinancingPool per financing
/// round. The indexer discovers every project and pool from this contract's events.
contract PoolFactory is AccessControl {
    struct Project {
        address operator;
        PoolStorage.Category category;
        string name;
        string metadataURI;
        bytes32 metadataHash;
    }

    struct PoolConfig {
        uint256 projectId;
        string name;
        string symbol;
        uint256 depositCap;
        uint256 minDeposit;
        bool permissioned;
        string metadataURI;
        bytes32 metadataHash;
    }

    /// @notice Each a different key: see contracts/SECURITY.md for what each may do.
    struct Roles {
        /// @dev The pools' admin: a TimelockController, so that every admin change waits out its delay in public.
        address admin;
        address manager;
        address reporter;
        address guardian;
        address compliance;
    }

    IERC20 public immutable usdc;
    HardwareAssetRegistry public immutable registry;
    /// @notice keccak256 of FinancingPool's creation code: createPool takes the code as calldata (embedding it would
    /// put this contract over the code-size limit) and deploys nothing else.
    bytes32 public immutable poolCodeHash;

    address public treasury;
    uint16 public protocolFeeBps;
    uint32 public revenueStreamDuration;
    Roles public defaultRoles;

    uint256 public projectCount;
    mapping(uint256 projectId => Project) private _projects;
    address[] public pools;
    mapping(address pool => bool) public isPool;

    event ProjectRegistered(
        uint256 indexed projectId,
        address indexed operator,
        PoolStorage.Category category,
        string name,
        string metadataURI,
        bytes32 metadataHash
    );
    event PoolCreated(
        address indexed pool,
        uint256 indexed projectId,
        address indexed asset,
        PoolStorage.Category category,
        PoolConfig config,
        uint16 protocolFeeBps,
        uint32 revenueStreamDuration
    );
    event ProtocolDefaultsUpdated(
        address treasury,
        uint16 protocolFeeBps,
        uint32 revenueStreamDuration,
        address admin,
        address manager,
        address reporter,
        address guardian,
        address compliance
    );

    error UnknownProject(uint256 projectId);
    error InvalidProject();
    error InvalidDefaults();
    error UnknownPoolCode();

    constructor(
        IERC20 usdc_,
        HardwareAssetRegistry registry_,
        address admin,
        address treasury_,
        uint16 protocolFeeBps_,
        uint32 revenueStreamDuration_,
        Roles memory roles,
        bytes32 poolCodeHash_
    ) {
        usdc = usdc_;
        registry = registry_;
        poolCodeHash = poolCodeHash_;
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
        _setDefaults(treasury_, protocolFeeBps_, revenueStreamDuration_, roles);
    }

    function registerProject(
        address operator,
        PoolStorage.Category category,
        string calldata name,
        string calldata metadataURI,
        bytes32 metadataHash
    ) external onlyRole(DEFAULT_ADMIN_ROLE) returns (uint256 projectId) {
        if (operator == address(0) || bytes(name).length == 0) revert InvalidProject();
        projectId = ++projectCount;
        _projects[projectId] = Project(operator, category, name, metadataURI, metadataHash);
        emit ProjectRegistered(projectId, operator, category, name, metadataURI, metadataHash);
    }

    /// @notice Creates a pool for a project's financing round, with the default roles (admin: the timelock).
    function createPool(PoolConfig calldata config, bytes calldata poolCreationCode)
        external
        onlyRole(DEFAULT_ADMIN_ROLE)
        returns (FinancingPool pool)
    {
        if (keccak256(poolCreationCode) != poolCodeHash) revert UnknownPoolCode();
        Project storage project = _existing(config.projectId);
        Roles memory roles = defaultRoles;
        bytes memory initCode = abi.encodePacked(
            poolCreationCode,
            abi.encode(
                PoolStorage.Params({
                    usdc: usdc,
                    registry: registry,
                    name: config.name,
                    symbol: config.symbol,
                    category: project.category,
                    projectId: config.projectId,
                    projectOperator: project.operator,
                    depositCap: config.depositCap,
                    minDeposit: config.minDeposit,
                    permissioned: config.permissioned,
                    metadataURI: config.metadataURI,
                    metadataHash: config.metadataHash,
                    admin: roles.admin,
                    manager: roles.manager,
                    reporter: roles.reporter,
                    guardian: roles.guardian,
                    compliance: roles.compliance,
                    treasury: treasury,
                    protocolFeeBps: protocolFeeBps,
                    revenueStreamDuration: revenueStreamDuration
                })
            )
        );
        assembly {
            pool := create(0, add(initCode, 0x20), mload(initCode))
            // Pass the pool constructor's own reason on (InvalidParameter, ...).
            if iszero(pool) {
                returndatacopy(0, 0, returndatasize())
                revert(0, returndatasize())
            }
        }
        pools.push(address(pool));
        isPool[address(pool)] = true;
        emit PoolCreated(
            address(pool),
            config.projectId,
            address(usdc),
            project.category,
            config,
            protocolFeeBps,
            revenueStreamDuration
        );
    }

    /// @notice Treasury, fee and roles given to pools created from now on (existing pools keep theirs).
    function setDefaults(address treasury_, uint16 protocolFeeBps_, uint32 revenueStreamDuration_, Roles calldata roles)
        external
        onlyRole(DEFAULT_ADMIN_ROLE)
    {
        _setDefaults(treasury_, protocolFeeBps_, revenueStreamDuration_, roles);
    }

    function getProject(uint256 projectId) external view returns (Project memory) {
        return _existing(projectId);
    }

    function poolCount() external view returns (uint256) {
        return pools.length;
    }

    /// @dev Checked here, with the pool's own bounds, so that a bad default cannot make every createPool revert.
    function _setDefaults(address treasury_, uint16 protocolFeeBps_, uint32 revenueStreamDuration_, Roles memory roles)
        private
    {
        if (
            treasury_ == address(0) || protocolFeeBps_ > POOL_MAX_PROTOCOL_FEE_BPS
                || revenueStreamDuration_ < POOL_MIN_STREAM_DURATION
                || revenueStreamDuration_ > POOL_MAX_STREAM_DURATION || roles.admin == address(0)
                || roles.manager == address(0) || roles.reporter == address(0) || roles.guardian == address(0)
        ) revert InvalidDefaults();
        treasury = treasury_;
        protocolFeeBps = protocolFeeBps_;
        revenueStreamDuration = revenueStreamDuration_;
        defaultRoles = roles;
        emit ProtocolDefaultsUpdated(
            treasury_,
            protocolFeeBps_,
            revenueStreamDuration_,
            roles.admin,
            roles.manager,
            roles.reporter,
            roles.guardian,
            roles.compliance
        );
    }

    function _existing(uint256 projectId) private view returns (Project storage project) {
        project = _projects[projectId];
        if (project.operator == address(0)) revert UnknownProject(projectId);
    }
}

